/** The look of a secondary action (关闭, 导出 CSV, 显示的列…): outlined, beside the blue primary one. */
export const secondaryButtonClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50';

/**
 * The look of every button, and of every link that acts as one (清除筛选, 导出 CSV, 上一页). Two
 * kinds: primary, the blue action a form or notice is for; secondary, outlined, beside it or
 * among table tools and row actions. A disabled one (or an aria-disabled link stand-in) is dimmed
 * and stays so under the pointer.
 */
const SHAPE = 'rounded-md font-medium shadow-sm disabled:cursor-not-allowed aria-disabled:cursor-not-allowed';

const KIND = {
  primary: 'bg-blue-600 text-white hover:bg-blue-700 disabled:opacity-60',
  secondary:
    'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 ' +
    'disabled:opacity-50 disabled:hover:bg-white aria-disabled:opacity-50 aria-disabled:hover:bg-white',
};

/** Regular stands with a form's fields; small with table tools and row actions; tiny beside a value it acts on (复制). */
const SIZE = { regular: 'px-5 py-2 text-sm', small: 'px-3 py-1.5 text-sm', tiny: 'px-2 py-0.5 text-xs' };

export function buttonClass(kind: keyof typeof KIND, size: keyof typeof SIZE): string {
  return `${SHAPE} ${KIND[kind]} ${SIZE[size]}`;
}

/** 查询, 登录, 创建用户, 返回查询页. */
export const primaryButtonClass = buttonClass('primary', 'regular');

/** 导出 CSV, 显示的列, 关闭, 上一页, 停用, 退出登录. */
export const secondaryButtonClass = buttonClass('secondary', 'small');

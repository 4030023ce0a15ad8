import { requestTheme } from '@/lib/theme/request-theme';
import { ThemeSwitch } from './theme-switch';

/** The theme switch, starting from the choice this request's cookie carries; `className` places it. */
export async function ThemeControl({ className }: { className?: string }) {
  return <ThemeSwitch initial={await requestTheme()} className={className} />;
}

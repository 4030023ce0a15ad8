import type { Locale } from '@/i18n/locales';
import type messages from '@/messages/zh-CN.json';

// Message keys and locales are checked at compile time: zh-CN.json is the reference shape, and
// messages.test.ts checks en.json has the same keys and arguments.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}

import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

/** The app's words outside React, as the pages get them: for testing text made from messages. */
export const zhText = createTranslator({ locale: 'zh-CN', messages: zhCN, timeZone: 'Asia/Shanghai' });
export const enText = createTranslator({ locale: 'en', messages: en, timeZone: 'Asia/Shanghai' });

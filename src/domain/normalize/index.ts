export * from './text';
export * from './date';
export * from './kana';
export * from './list';

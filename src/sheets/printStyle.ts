// Tabs meant to be printed (次第, 集計): body text at 11 pt, since printed
// material for staff and meetings must be at least 10.5 pt (JIS X 8341-3 /
// WCAG 1.4.4 on paper) and Sheets' default is 10 pt. Text stays black; the
// backgrounds the tabs use are light, so contrast stays far above 4.5:1.
export const PRINT_FONT_SIZE = 11;

// The add-on's messages speak of the Sheets menu (「メニュー「多機関協働」の
// 「標準化」を…」). On the command line there is no menu: the same advice names
// the command that does the same thing, with the book the person gave.
/** The command doing what each menu item does, by the caption as the messages quote it. */
const COMMAND_OF_MENU_ITEM: Readonly<Record<string, string>> = {
  シートを準備: 'standardize',
  標準化: 'standardize',
  入力チェック: 'validate',
  月次集計を更新: 'counts',
  会議次第を作成: 'agenda',
};

/** 「メニュー「多機関協働」の「A」か「B」」 or 「メニューの「A」」, with every caption quoted. */
const MENU_REFERENCE = /メニュー(?:「[^」]+」)?の((?:「[^」]+」)(?:か「[^」]+」)*)/g;

const quoted = (path: string): string => (/\s/.test(path) ? `"${path}"` : path);

/** A message with every pointer to a menu item rewritten as the command line to type. */
export function forCommandLine(message: string, bookPath: string): string {
  return message.replace(MENU_REFERENCE, (whole, captions: string) => {
    const commands = [...captions.matchAll(/「([^」]+)」/g)].map((m) => COMMAND_OF_MENU_ITEM[m[1]!]);
    if (commands.some((c) => c === undefined)) return whole;
    return [...new Set(commands)].map((c) => `「npm run -s cli -- ${c} ${quoted(bookPath)}」`).join('か');
  });
}

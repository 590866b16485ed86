// The sidebar page: runs 入力チェック and lists what it found. Every value is
// put on the page as text, never as HTML.
import { callServer } from './server';

const button = document.getElementById('check') as HTMLButtonElement;
const status = document.getElementById('status')!;
const list = document.getElementById('problems')!;

function show(text: string, isError = false): void {
  status.textContent = text;
  status.className = isError ? 'error' : '';
}

button.addEventListener('click', () => {
  button.disabled = true;
  show('確認しています…');
  list.replaceChildren();
  callServer('checkEntries', {})
    .then((result) => {
      show(result.problems.length === 0
        ? '問題は見つかりませんでした。'
        : `エラー ${result.counts.error}件、注意 ${result.counts.warning}件`);
      for (const problem of result.problems) {
        const item = document.createElement('li');
        item.className = problem.severity;
        item.textContent = `${problem.sheet} ${problem.message}`;
        list.append(item);
      }
    })
    .catch((error: Error) => show(`確認できませんでした：${error.message}`, true))
    .finally(() => { button.disabled = false; });
});

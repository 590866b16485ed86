// Dates shown back with their 和暦, and failures told in Japanese.
import { describeDate } from '../../sidebar/shared/dateText';
import { failureMessage, failureText } from '../../sidebar/shared/failure';

describe('describeDate', () => {
  it('shows any SPEC §5 form back as YYYY-MM-DD with its 和暦', () => {
    expect(describeDate('R6.4.1')).toEqual({ iso: '2024-04-01', wareki: '令和6年4月1日' });
    expect(describeDate('２０２４／４／１')).toEqual({ iso: '2024-04-01', wareki: '令和6年4月1日' });
    expect(describeDate('令和元年5月1日')).toEqual({ iso: '2019-05-01', wareki: '令和元年5月1日' });
    expect(describeDate('S50.1.1')).toEqual({ iso: '1975-01-01', wareki: '昭和50年1月1日' });
    expect(describeDate('20190430')).toEqual({ iso: '2019-04-30', wareki: '平成31年4月30日' });
  });

  it('leaves blank and unreadable text alone', () => {
    expect(describeDate('')).toBeNull();
    expect(describeDate('  ')).toBeNull();
    expect(describeDate('平成32年1月1日')).toBeNull();
    expect(describeDate('4月ごろ')).toBeNull();
  });
});

describe('failureMessage', () => {
  it('passes the server’s Japanese message on', () => {
    expect(failureText('保存', new Error('ケースID「2024-0001」が共通シートに見つかりません。'))).toBe('保存できませんでした：ケースID「2024-0001」が共通シートに見つかりません。');
    expect(failureMessage(new Error('Exception: 設定タブがありません。'))).toBe('設定タブがありません。');
  });

  it('explains a network or script failure in Japanese, keeping the detail', () => {
    const text = failureMessage(new Error('NetworkError: Connection failure due to HTTP 0'));
    expect(text).toMatch(/^サーバーとの通信に失敗しました。/);
    expect(text).toContain('（詳細：NetworkError: Connection failure due to HTTP 0）');
    expect(failureMessage(undefined)).toMatch(/^サーバーとの通信に失敗しました。[^（]*$/);
    expect(failureMessage('Script timed out')).toContain('Script timed out');
  });
});

// Short texts staff write in the free-text columns. None names a person: the
// only names in the demo are the ones situations.ts puts in on purpose.
import type { FieldOfPeople } from '../../src/domain/settings';

/** 圏域 values for the demo; the default 設定 has none, so any value is accepted. */
export const DEMO_AREAS = ['北部', '中部', '南部'] as const;

export const REFERRER_ROLES: Record<FieldOfPeople, readonly string[]> = {
  高齢: ['主任介護支援専門員', '社会福祉士', '保健師'],
  障害: ['相談支援専門員', '精神保健福祉士'],
  子ども: ['家庭相談員', '保育士', '保健師', 'スクールソーシャルワーカー'],
  困窮: ['主任相談支援員', '就労支援員'],
  その他: ['地域福祉コーディネーター', '相談員', '担当職員'],
};

export const CLOSING_NOTES: Record<string, readonly string[]> = {
  終結: [
    '支援プランの目標を達成し、地域の見守りに移行したため。',
    '生活が安定し、各機関の通常の支援で足りる状況になったため。',
    '本人・家族と支援を振り返り、終結に合意したため。',
  ],
  つなぎもどし: [
    '課題が整理され、つなぎ元機関での支援に戻すため。',
    '単独の機関で対応できる状況になったため。',
  ],
  中断: [
    '本人が支援を拒否し、連絡が取れなくなったため。',
    '町外へ転出したため。',
    '入院が長期化したため。',
  ],
};

export const CASE_NOTES = [
  '民生委員が定期的に見守っている。',
  '連絡は平日の日中を希望。',
  '訪問時は事前に電話連絡をする。',
  '家族の同席を希望している。',
  '書類の読み書きに支援が必要。',
] as const;

export const ACTIVITY_STAFF = [
  '包括化推進員', 'アウトリーチ支援員', 'CSW', '保健師', '参加支援コーディネーター', '相談支援員',
] as const;

export const ACTIVITY_CONTENT: Record<string, readonly string[]> = {
  アウトリーチ: [
    '自宅を訪問し、生活状況を確認した。',
    '玄関先で本人と短時間話ができた。次回の訪問日を約束した。',
    '不在のため、訪問した旨の手紙を投函した。',
    '家族と面談し、本人の最近の様子を聞き取った。',
    '室内の片付けについて本人と相談した。',
  ],
  参加支援: [
    '地域のサロンに同行し、参加の様子を見守った。',
    '就労体験先の事業所と受け入れについて打ち合わせた。',
    '農作業ボランティアに参加した。',
    '子ども食堂の利用につないだ。',
    '居場所づくりの活動に本人が初めて参加した。',
  ],
  同行支援: [
    '病院の受診に同行した。',
    '役場の窓口での手続きに同行した。',
    '法律相談に同行した。',
    '不動産会社での物件探しに同行した。',
  ],
  その他: [
    '関係機関と電話で情報共有した。',
    'ケース記録を整理し、支援方針を見直した。',
    '家族からの電話相談に対応した。',
  ],
};

export const MEETING_PLACES = ['役場 第1会議室', '役場 第2会議室', '保健福祉センター 研修室'] as const;

export const MEETING_DECISIONS: Record<string, readonly string[]> = {
  支援会議: [
    '各ケースの状況を共有し、関係機関の役割分担を確認した。',
    '見守りの頻度を増やし、次回会議で状況を確認することとした。',
    '本人同意の取得に向けて、主担当機関が訪問を続けることとした。',
  ],
  重層的支援会議: [
    '支援プランを承認し、各機関の役割を確認した。',
    'プランの進捗を確認し、目標の一部を見直した。',
    '終結の可否を協議し、次回までに本人の意向を確認することとした。',
  ],
};

export const TYPHOON_NOTE = '台風の接近により中止。検討ケースは翌月に持ち越し。';
export const NOTHING_TO_DISCUSS_NOTE = '検討するケースがないため中止。';

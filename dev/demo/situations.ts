// The kinds of household the demo draws from: who refers them, which 課題領域
// and 世帯の状態 go together, and the sentences staff would write. `{姓}` and
// `{氏名}` in a template become the person's family or full name, so the agenda
// feature has real names to scrub from copied free text. Parentheses are ASCII
// because 標準化 narrows full-width ones (SPEC §5) and the demo should already
// be in standard form.
import { ageBandOf } from '../../src/domain/record';
import type { Rng } from './random';

/** One person's side of a situation. */
export interface Profile {
  readonly ages: readonly [number, number];
  /** Likelihood that the person is a woman. */
  readonly female: number;
  /** Agency names; a repeated name is likelier. */
  readonly referrers: readonly string[];
  /** The first is always chosen, up to two more from the rest. */
  readonly lifeAreas: readonly string[];
  /** The state that defines the situation, always tagged when present. */
  readonly coreTag?: string;
  /** At most one of these is added now and then. */
  readonly extraTags: readonly string[];
  readonly related: readonly string[];
  readonly summaries: readonly string[];
  /** Summaries that name the person, used for a few cases. */
  readonly namedSummaries: readonly string[];
  readonly reasons: readonly string[];
}

/** A person referred alone, with the 世帯構成 staff would write. */
export interface Situation extends Profile {
  readonly household: (age: number, rng: Rng) => string;
}

const 包括 = '地域包括支援センター';
const 基幹 = '障がい者基幹相談支援センター';
const 子育て = '子育て支援センター';
const こども = 'こども家庭センター';
const 生活 = '生活支援相談窓口';
const 社協 = '社会福祉協議会';
const 窓口 = '福祉の相談窓口';
const 健康 = '健康づくり課';
const 税務 = '税務課';
const 住宅 = '住宅課';
const 学校 = '学校教育課';

const band = ageBandOf;
const parents = (age: number): string => `本人、父(${band(age + 29)})、母(${band(age + 27)})の3人世帯`;

export const SITUATIONS: readonly (readonly [Situation, number])[] = [
  [{
    ages: [68, 88], female: 0.5,
    referrers: [包括, 包括, 包括, 社協, 住宅],
    lifeAreas: ['住まい', '病気・医療', '地域・家族との関係', '権利擁護'],
    coreTag: 'セルフネグレクト・ごみ屋敷', extraTags: ['近隣トラブル', '障害疑い・未受診'],
    related: [包括, 社協, 住宅, 健康],
    household: (_, rng) => rng.pick(['単身世帯', '単身世帯(長男は県外在住)']),
    summaries: [
      '自宅の内外にごみが積み上がり、近隣から悪臭の苦情が出ている。',
      '電気・ガスが止まったまま生活しており、食事も十分にとれていない様子。',
    ],
    namedSummaries: ['{姓}さん宅を訪問したところ、玄関までごみがあふれ、本人は受診も拒んでいた。'],
    reasons: [
      '介護サービスの利用を拒否しており、住まいと健康の課題を一つの機関では支えきれないため。',
      '近隣との関係悪化もあり、住宅・衛生・介護の各分野で役割分担が必要なため。',
    ],
  }, 10],
  [{
    ages: [30, 64], female: 0.4,
    referrers: [生活, 生活, 生活, 税務, 税務, 社協],
    lifeAreas: ['支出・滞納・借金', '収入・仕事', '住まい', 'こころの問題'],
    coreTag: '多重債務', extraTags: ['ひとり親・多子', '障害疑い・未受診'],
    related: [生活, 税務, 社協, 住宅],
    household: (age, rng) => rng.pick(['単身世帯', `本人、配偶者(${band(age)})、子2人の4人世帯`]),
    summaries: [
      '複数の消費者金融から借入があり、町税と家賃も滞納している。',
      '失業後に収入が途絶え、公共料金の支払いが難しくなっている。',
    ],
    namedSummaries: ['税務課の納付相談で{姓}さんから、借金の返済で生活費が残らないと相談があった。'],
    reasons: ['債務整理、就労、滞納の分納など複数機関での調整が必要なため。'],
  }, 9],
  [{
    ages: [35, 49], female: 0.85,
    referrers: [子育て, 子育て, 包括, 包括],
    lifeAreas: ['介護', '子育て', 'こころの問題', '収入・仕事'],
    coreTag: 'ダブルケア', extraTags: ['ひとり親・多子'],
    related: [子育て, 包括, こども],
    household: (age) => `本人、配偶者(${band(age + 2)})、子(10歳未満)、親(${band(age + 31)})の4人世帯`,
    summaries: [
      '未就学児の育児と認知症の親の介護が重なり、本人が疲弊している。',
      '介護のため仕事を休みがちで、保育園の送迎も難しくなっている。',
    ],
    namedSummaries: ['{姓}さんから子育て支援センターに「もう限界」との電話があった。'],
    reasons: ['介護と子育ての両分野の支援を同時に組み立てる必要があるため。'],
  }, 6],
  [{
    ages: [24, 44], female: 0.85,
    referrers: [こども, こども, 子育て, 生活],
    lifeAreas: ['子育て', '収入・仕事', '支出・滞納・借金', 'こころの問題'],
    coreTag: 'ひとり親・多子', extraTags: ['多重債務', '不登校'],
    related: [こども, 生活, 学校, 子育て],
    household: (_, rng) => rng.pick(['本人、子3人の4人世帯(ひとり親)', '本人、子2人の3人世帯(ひとり親)']),
    summaries: [
      '離婚後、子どもを育てながらパートで働いているが、家賃の支払いが苦しい。',
      '上の子の不登校が続き、本人も体調を崩して仕事を休んでいる。',
    ],
    namedSummaries: ['乳幼児健診の場で{姓}さんが生活の苦しさを訴えた。'],
    reasons: ['子育て・就労・家計の課題が重なっており、分野を越えた支援が必要なため。'],
  }, 6],
  [{
    ages: [20, 54], female: 0.4,
    referrers: [基幹, 基幹, 健康, 窓口],
    lifeAreas: ['こころの問題', '障害', 'ひきこもり・不登校', '収入・仕事'],
    coreTag: '障害疑い・未受診', extraTags: ['ひきこもり'],
    related: [基幹, 健康, 社協, 生活],
    household: parents,
    summaries: [
      '精神的な不調が疑われるが未受診で、家族以外との接触がない。',
      '職場での対人トラブルが続いて離職した。家族は障害を心配している。',
    ],
    namedSummaries: ['{姓}さんの母親から、本人が昼夜逆転の生活で家族とも話さなくなったと相談があった。'],
    reasons: ['医療につながっておらず、障害福祉・保健・就労の各分野での関わり方を整理する必要があるため。'],
  }, 7],
  [{
    ages: [22, 42], female: 0.75,
    referrers: [こども, こども, こども, 学校],
    lifeAreas: ['DV・虐待', '子育て', 'こころの問題', '収入・仕事'],
    coreTag: '虐待', extraTags: ['ひとり親・多子', '不登校'],
    related: [こども, 学校, 子育て, 健康],
    household: (age) => `本人、配偶者(${band(age + 3)})、子2人の4人世帯`,
    summaries: [
      '子どもの身体にあざがあると保育所から連絡があった。本人も配偶者からの暴言に悩んでいる。',
      '育児の負担から子どもに手をあげてしまうと本人から相談があった。',
    ],
    namedSummaries: ['学校から、{姓}さん宅の子どもが朝食をとらずに登校していると連絡があった。'],
    reasons: ['子どもの安全確認とともに、保護者自身の支援も必要なため。'],
  }, 4],
  [{
    ages: [25, 50], female: 0.6,
    referrers: [窓口, 窓口, 子育て],
    lifeAreas: ['地域・家族との関係', '収入・仕事', '子育て', '病気・医療'],
    coreTag: '外国籍・言語', extraTags: ['ひとり親・多子'],
    related: [窓口, こども, 健康],
    household: (age) => `本人、配偶者(${band(age + 4)})、子1人の3人世帯`,
    summaries: [
      '日本語での手続きが難しく、保険料の通知や学校からの連絡が理解できていない。',
      '配偶者の失職で収入が減ったが、相談先がわからずにいた。',
    ],
    namedSummaries: [],
    reasons: ['通訳を含めた支援体制と、複数の制度の手続き支援が必要なため。'],
  }, 3],
  [{
    ages: [8, 15], female: 0.5,
    referrers: [学校, 学校, 学校, こども],
    lifeAreas: ['ひきこもり・不登校', '子育て', 'こころの問題'],
    coreTag: '不登校', extraTags: ['ひとり親・多子', 'ヤングケアラー'],
    related: [学校, こども, 子育て],
    household: (age) => `本人、母(${band(age + 31)})、祖母(${band(age + 58)})の3人世帯`,
    summaries: [
      '半年以上登校しておらず、家では昼夜逆転の生活になっている。',
      '母親が夜勤で不在がちで、本人が一人で過ごす時間が長い。',
    ],
    namedSummaries: ['担任が{姓}さん宅を訪問したが、本人とは会えなかった。'],
    reasons: ['学校だけでは関われず、家庭全体への支援が必要なため。'],
  }, 4],
  [{
    ages: [72, 96], female: 0.6,
    referrers: [包括, 包括, 包括, 社協, 窓口],
    lifeAreas: ['介護', '権利擁護', '地域・家族との関係', '病気・医療'],
    extraTags: ['近隣トラブル', 'セルフネグレクト・ごみ屋敷'],
    related: [包括, 社協, 健康],
    household: (age, rng) => rng.pick(['単身世帯', `本人、配偶者(${band(age - 3)})の2人世帯`]),
    summaries: [
      '物忘れが目立ち、通帳や印鑑を何度もなくしている。',
      '近隣住民と騒音をめぐるトラブルが続き、民生委員から相談があった。',
    ],
    namedSummaries: ['民生委員が{姓}さん宅を訪ねたところ、訪問販売の契約書が多数見つかった。'],
    reasons: ['金銭管理と権利擁護、地域での見守りを組み合わせる必要があるため。'],
  }, 8],
  [{
    ages: [18, 45], female: 0.3,
    referrers: [窓口, 窓口, 基幹, 健康, 社協],
    lifeAreas: ['ひきこもり・不登校', '収入・仕事', 'こころの問題', '地域・家族との関係'],
    coreTag: 'ひきこもり', extraTags: ['障害疑い・未受診'],
    related: [社協, 生活, 基幹, 健康],
    household: parents,
    summaries: [
      '学校を中退した後、10年近く自室にこもって生活している。',
      '就職後に体調を崩して退職し、以後ほとんど外出していない。',
    ],
    namedSummaries: ['{姓}さんの両親から、本人が家から出られず将来が不安だと相談があった。'],
    reasons: ['本人との接点づくりから始める必要があり、アウトリーチと参加支援を組み合わせるため。'],
  }, 6],
  [{
    ages: [40, 79], female: 0.5,
    referrers: [包括, 基幹, 生活, 社協, 窓口, 健康, 住宅],
    lifeAreas: ['病気・医療', '収入・仕事', '住まい', '介護', 'その他'],
    extraTags: [],
    related: [窓口, 社協, 生活, 住宅, 健康],
    household: (age, rng) => rng.pick(['単身世帯', `本人、配偶者(${band(age)})の2人世帯`]),
    summaries: [
      '病気で退院した後、住まいと収入の見通しが立たない。',
      '住んでいるアパートの立ち退きを求められ、転居先が見つからない。',
    ],
    namedSummaries: ['{氏名}さんについて、入院先の医療ソーシャルワーカーから退院後の生活を心配する連絡があった。'],
    reasons: ['医療・住まい・収入の課題が重なり、単独の機関では対応が難しいため。'],
  }, 5],
];

/** Two people of one household referred together (8050, ヤングケアラー). */
export interface HouseholdPair {
  readonly first: Profile;
  readonly second: Profile;
  /** 世帯構成 as written on each member's row, from both members' ages and sexes. */
  readonly households: (first: Member, second: Member) => readonly [string, string];
}

export interface Member { readonly age: number; readonly female: boolean }

const parentWord = (m: Member): string => (m.female ? '母' : '父');

export const PAIRS: readonly (readonly [HouseholdPair, number])[] = [
  [{
    first: {
      ages: [80, 89], female: 0.7,
      referrers: [包括], lifeAreas: ['介護', '病気・医療', '支出・滞納・借金'],
      coreTag: '8050', extraTags: ['セルフネグレクト・ごみ屋敷'], related: [包括, 社協, 生活],
      summaries: ['要介護の本人を、同居の子が十分に世話できていない様子とケアマネジャーから連絡があった。'],
      namedSummaries: ['{姓}さん宅を訪問したところ、本人の年金で子と二人で暮らしており、介護サービスの支払いが滞っていた。'],
      reasons: ['親の介護と子の生活課題が一体となっており、世帯全体での支援が必要なため。'],
    },
    second: {
      ages: [50, 59], female: 0.3,
      referrers: [包括, 包括, 基幹], lifeAreas: ['ひきこもり・不登校', '収入・仕事', 'こころの問題'],
      coreTag: '8050', extraTags: ['ひきこもり', '障害疑い・未受診'], related: [生活, 基幹, 社協],
      summaries: ['長年就労しておらず、親の年金で生活している。親の介護にも手が回っていない。'],
      namedSummaries: ['{姓}さん宅の子について、親の担当ケアマネジャーから外出がほとんどないと相談があった。'],
      reasons: ['ひきこもり状態の子への支援が、親の介護の継続にも関わるため。'],
    },
    households: (parent, child) => [
      `本人(${band(parent.age)})、${child.female ? '長女' : '長男'}(${band(child.age)})の2人世帯`,
      `本人(${band(child.age)})、${parentWord(parent)}(${band(parent.age)})の2人世帯`,
    ],
  }, 3],
  [{
    first: {
      ages: [12, 17], female: 0.6,
      referrers: [学校, 学校, こども], lifeAreas: ['子育て', 'ひきこもり・不登校', '介護'],
      coreTag: 'ヤングケアラー', extraTags: ['不登校', 'ひとり親・多子'], related: [学校, こども, 子育て],
      summaries: ['病気の親に代わって家事と幼いきょうだいの世話をしており、遅刻や欠席が増えている。'],
      namedSummaries: ['担任によると、{姓}さんは放課後すぐに帰宅して家事をしている。'],
      reasons: ['子どもが担っている家事・ケアの負担を減らすため、親への支援と合わせた調整が必要なため。'],
    },
    second: {
      ages: [36, 49], female: 0.8,
      referrers: [こども, こども, 基幹], lifeAreas: ['病気・医療', '障害', 'こころの問題', '収入・仕事'],
      coreTag: 'ヤングケアラー', extraTags: ['障害疑い・未受診', 'ひとり親・多子'], related: [こども, 基幹, 健康],
      summaries: ['体調を崩して寝込むことが多く、家事や育児を子に頼っている。'],
      namedSummaries: ['{姓}さんが通院を中断しており、子が家事を担っていると学校から連絡があった。'],
      reasons: ['親の治療と家事支援を整え、子どもの負担を減らす必要があるため。'],
    },
    households: (child, parent) => [
      `本人(${band(child.age)})、${parentWord(parent)}(${band(parent.age)})、きょうだい1人の3人世帯`,
      `本人(${band(parent.age)})、子2人の3人世帯(ひとり親)`,
    ],
  }, 2],
];

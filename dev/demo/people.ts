// Fictional people: common family names combined with given names typical of
// the person's generation. Every part keeps its katakana reading so that
// 本人氏名カナ always matches 本人氏名.
import type { Rng } from './random';

export interface NamePart { readonly kanji: string; readonly kana: string }

const part = (kanji: string, kana: string): NamePart => ({ kanji, kana });

// No single-kanji family names: the agenda masks the family name inside free
// text, and 森 or 林 would also hit ordinary words.
export const FAMILY_NAMES: readonly NamePart[] = [
  part('佐藤', 'サトウ'), part('鈴木', 'スズキ'), part('高橋', 'タカハシ'), part('田中', 'タナカ'),
  part('伊藤', 'イトウ'), part('渡辺', 'ワタナベ'), part('山本', 'ヤマモト'), part('中村', 'ナカムラ'),
  part('小林', 'コバヤシ'), part('加藤', 'カトウ'), part('吉田', 'ヨシダ'), part('山田', 'ヤマダ'),
  part('佐々木', 'ササキ'), part('山口', 'ヤマグチ'), part('松本', 'マツモト'), part('井上', 'イノウエ'),
  part('木村', 'キムラ'), part('清水', 'シミズ'), part('山崎', 'ヤマザキ'), part('池田', 'イケダ'),
  part('橋本', 'ハシモト'), part('阿部', 'アベ'), part('石川', 'イシカワ'), part('前田', 'マエダ'),
  part('藤田', 'フジタ'), part('小川', 'オガワ'), part('岡田', 'オカダ'), part('後藤', 'ゴトウ'),
  part('長谷川', 'ハセガワ'), part('村上', 'ムラカミ'), part('近藤', 'コンドウ'), part('石井', 'イシイ'),
  part('坂本', 'サカモト'), part('遠藤', 'エンドウ'), part('青木', 'アオキ'), part('藤井', 'フジイ'),
  part('西村', 'ニシムラ'), part('福田', 'フクダ'), part('太田', 'オオタ'), part('三浦', 'ミウラ'),
  part('岡本', 'オカモト'), part('松田', 'マツダ'), part('中川', 'ナカガワ'), part('中野', 'ナカノ'),
  part('原田', 'ハラダ'), part('小野', 'オノ'), part('竹内', 'タケウチ'), part('金子', 'カネコ'),
];

type Generation = 'elder' | 'middle' | 'young';
type NamedSex = '男性' | '女性';

const GIVEN_NAMES: Record<Generation, Record<NamedSex, readonly NamePart[]>> = {
  elder: {
    男性: [part('和夫', 'カズオ'), part('正男', 'マサオ'), part('茂', 'シゲル'), part('清', 'キヨシ'), part('勇', 'イサム'), part('実', 'ミノル'), part('博', 'ヒロシ'), part('進', 'ススム')],
    女性: [part('和子', 'カズコ'), part('節子', 'セツコ'), part('幸子', 'サチコ'), part('千代', 'チヨ'), part('文子', 'フミコ'), part('洋子', 'ヨウコ'), part('恵子', 'ケイコ'), part('静江', 'シズエ')],
  },
  middle: {
    男性: [part('健一', 'ケンイチ'), part('浩二', 'コウジ'), part('大輔', 'ダイスケ'), part('誠', 'マコト'), part('隆', 'タカシ'), part('秀樹', 'ヒデキ'), part('直樹', 'ナオキ'), part('和也', 'カズヤ')],
    女性: [part('久美子', 'クミコ'), part('由美', 'ユミ'), part('美香', 'ミカ'), part('直美', 'ナオミ'), part('裕子', 'ユウコ'), part('明美', 'アケミ'), part('真由美', 'マユミ'), part('智美', 'トモミ')],
  },
  young: {
    男性: [part('翔太', 'ショウタ'), part('健太', 'ケンタ'), part('悠真', 'ユウマ'), part('蓮', 'レン'), part('陽翔', 'ハルト'), part('湊', 'ミナト'), part('大翔', 'ヒロト'), part('颯太', 'ソウタ')],
    女性: [part('美咲', 'ミサキ'), part('結衣', 'ユイ'), part('陽菜', 'ヒナ'), part('芽依', 'メイ'), part('さくら', 'サクラ'), part('葵', 'アオイ'), part('凛', 'リン'), part('彩花', 'アヤカ')],
  },
};

// Combinations that happen to read like a well-known person's name (by kana,
// since another kanji spelling reads the same). Never generated.
const BLOCKED_KANA = new Set([
  'ヨシダ シゲル', 'コバヤシ サチコ', 'ワタナベ ナオミ', 'マツモト タカシ', 'オガワ ヨウコ', 'オノ ヨウコ',
  'ムラカミ タカシ', 'フクダ カズコ', 'カトウ コウジ', 'スズキ シゲル', 'ヤマモト ミカ', 'イトウ ミサキ',
  'シミズ ショウタ', 'コバヤシ マコト', 'ゴトウ クミコ', 'マエダ ケンタ', 'タナカ ナオキ', 'オカダ ナオキ',
  'フジイ ソウタ', 'マツダ ナオキ', 'ミウラ ダイスケ', 'コンドウ マコト', 'オノ ダイスケ', 'アオキ ユウコ',
  'タナカ ユウコ',
]);

export interface Person {
  readonly family: NamePart;
  readonly given: NamePart;
  readonly name: string;
  readonly kana: string;
}

function generationOf(birthYear: number): Generation {
  if (birthYear < 1960) return 'elder';
  return birthYear < 1990 ? 'middle' : 'young';
}

/** A name for someone born in `birthYear`; `sex` 'その他'/'不明' may take either list. */
export function makePerson(rng: Rng, birthYear: number, sex: string, family?: NamePart): Person {
  const pool = GIVEN_NAMES[generationOf(birthYear)];
  const namedSex: NamedSex = sex === '男性' || sex === '女性' ? sex : rng.pick(['男性', '女性'] as const);
  for (;;) {
    const f = family ?? rng.pick(FAMILY_NAMES);
    const given = rng.pick(pool[namedSex]);
    const kana = `${f.kana} ${given.kana}`;
    if (!BLOCKED_KANA.has(kana)) return { family: f, given, name: `${f.kanji} ${given.kanji}`, kana };
  }
}

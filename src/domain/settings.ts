// The town's master lists (設定 tab) and their defaults (SPEC §4). The tab is a
// table read by header: each list is one column read downward; options sit in
// row 2 of their own column.
import * as z from './zod';
import { cellText, type Cell } from './cell';
import { resolveTargetMetric, targetMetricLabel } from './counts/catalogue';
import { FIELDS_OF_PEOPLE, type SettingListName, type ValueSource } from './fields';
import { normalizeText } from './normalize';
import type { Table } from './table';

export type FieldOfPeople = (typeof FIELDS_OF_PEOPLE)[number];

export interface Agency {
  readonly name: string;
  readonly field: FieldOfPeople;
  /** The agency's desk (phone or address), printed on the person's copy of a plan; '' when 設定 gives none. */
  readonly contact: string;
}

export interface MeetingType {
  readonly name: string;
  readonly consentRequired: boolean;
  readonly basis: string;
  readonly startTime: string;
  readonly minutes: { readonly newCase: number; readonly monitoring: number; readonly closing: number; readonly opening: number; readonly closingRemarks: number };
}

export interface Settings {
  readonly agencies: readonly Agency[];
  readonly areas: readonly string[];
  readonly lifeAreas: readonly string[];
  readonly tags: readonly string[];
  readonly meetingTypes: readonly MeetingType[];
  readonly agendaNameDisplay: 'なし' | 'イニシャル';
  readonly smallCountThreshold: number;
  /** Yearly targets for the 集計 tab by metric key (目標指標 / 年度目標). */
  readonly targets: Readonly<Record<string, number>>;
  /** 決裁欄: the titles of the approval boxes on printed papers, left to right; empty = none. */
  readonly approvals: readonly string[];
}

export const SETTINGS_HEADERS = {
  agency: '機関',
  agencyField: '分野',
  agencyContact: '連絡先',
  area: '圏域',
  lifeArea: '課題領域',
  tag: '世帯の状態',
  meetingName: '会議種別',
  meetingConsent: '本人同意',
  meetingBasis: '根拠',
  meetingStart: '開始時刻',
  minutesNewCase: '新規検討（分）',
  minutesMonitoring: 'モニタリング（分）',
  minutesClosing: '終結評価（分）',
  minutesOpening: '開会（分）',
  minutesClosingRemarks: '閉会（分）',
  agendaNameDisplay: '次第の氏名表示',
  smallCountThreshold: '少数秘匿',
  targetMetric: '目標指標',
  targetValue: '年度目標',
  approvals: '決裁欄',
} as const;

const meetingType = (name: string, consentRequired: boolean, basis: string): MeetingType => ({
  name, consentRequired, basis, startTime: '14:00',
  minutes: { newCase: 20, monitoring: 10, closing: 10, opening: 5, closingRemarks: 5 },
});

export const DEFAULT_SETTINGS: Settings = {
  agencies: [
    { name: '地域包括支援センター', field: '高齢', contact: '' },
    { name: '障がい者基幹相談支援センター', field: '障害', contact: '' },
    { name: '子育て支援センター', field: '子ども', contact: '' },
    { name: 'こども家庭センター', field: '子ども', contact: '' },
    { name: '生活支援相談窓口', field: '困窮', contact: '' },
    { name: '社会福祉協議会', field: 'その他', contact: '' },
    { name: '福祉の相談窓口', field: 'その他', contact: '' },
    { name: '健康づくり課', field: 'その他', contact: '' },
    { name: '税務課', field: 'その他', contact: '' },
    { name: '住宅課', field: 'その他', contact: '' },
    { name: '学校教育課', field: '子ども', contact: '' },
  ],
  areas: [],
  lifeAreas: [
    '病気・医療', 'こころの問題', '介護', '障害', '子育て', '収入・仕事', '支出・滞納・借金', '住まい',
    'DV・虐待', '権利擁護', '地域・家族との関係', 'ひきこもり・不登校', 'その他',
  ],
  tags: [
    '8050', 'ひきこもり', 'ヤングケアラー', 'ダブルケア', 'セルフネグレクト・ごみ屋敷', '多重債務',
    '障害疑い・未受診', '外国籍・言語', '虐待', '不登校', '近隣トラブル', 'ひとり親・多子',
  ],
  meetingTypes: [
    meetingType('支援会議', false, '社会福祉法第106条の6'),
    meetingType('重層的支援会議', true, '社会福祉法第106条の4第2項第5号'),
    meetingType('重層的相談支援連絡会議', false, ''),
  ],
  agendaNameDisplay: 'なし',
  smallCountThreshold: 0,
  targets: {},
  approvals: [],
};

/** The 設定 tab as a table: one header row, lists running down their columns. */
export function settingsToTable(settings: Settings): Table {
  const h = SETTINGS_HEADERS;
  const columns: [string, Cell[]][] = [
    [h.agency, settings.agencies.map((a) => a.name)],
    [h.agencyField, settings.agencies.map((a) => a.field)],
    [h.agencyContact, settings.agencies.map((a) => a.contact)],
    [h.area, [...settings.areas]],
    [h.lifeArea, [...settings.lifeAreas]],
    [h.tag, [...settings.tags]],
    [h.meetingName, settings.meetingTypes.map((m) => m.name)],
    [h.meetingConsent, settings.meetingTypes.map((m) => (m.consentRequired ? '必要' : '不要'))],
    [h.meetingBasis, settings.meetingTypes.map((m) => m.basis)],
    [h.meetingStart, settings.meetingTypes.map((m) => m.startTime)],
    [h.minutesNewCase, settings.meetingTypes.map((m) => m.minutes.newCase)],
    [h.minutesMonitoring, settings.meetingTypes.map((m) => m.minutes.monitoring)],
    [h.minutesClosing, settings.meetingTypes.map((m) => m.minutes.closing)],
    [h.minutesOpening, settings.meetingTypes.map((m) => m.minutes.opening)],
    [h.minutesClosingRemarks, settings.meetingTypes.map((m) => m.minutes.closingRemarks)],
    [h.agendaNameDisplay, [settings.agendaNameDisplay]],
    [h.smallCountThreshold, [settings.smallCountThreshold]],
    [h.targetMetric, Object.keys(settings.targets).map((key) => targetMetricLabel(key, settings.meetingTypes.map((m) => m.name)))],
    [h.targetValue, Object.values(settings.targets)],
    [h.approvals, [...settings.approvals]],
  ];
  const height = Math.max(...columns.map(([, values]) => values.length));
  const rows = Array.from({ length: height }, (_, r) => columns.map(([, values]) => values[r] ?? ''));
  return { header: columns.map(([name]) => name), rows };
}

export interface SettingsReadResult {
  readonly settings: Settings;
  /** Japanese notes about entries in 設定 that could not be used. */
  readonly notes: readonly string[];
}

const minutesSchema = z.coerce.number().check(z.int(), z.minimum(0), z.maximum(600));
const timeSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/**
 * Reads the 設定 table. A missing column or an empty list means the default
 * applies (SPEC §2); an unusable entry is skipped with a note, never guessed.
 */
export function readSettings(table: Table | null): SettingsReadResult {
  if (!table) return { settings: DEFAULT_SETTINGS, notes: [] };
  const notes: string[] = [];
  const columnOf = (name: string): string[] | null => {
    const index = table.header.findIndex((h) => cellText(h).trim() === name);
    if (index < 0) return null;
    return table.rows.map((row) => cellText(row[index] ?? '').trim());
  };
  const list = (name: string, fallback: readonly string[]): readonly string[] => {
    const values = columnOf(name)?.filter((v) => v !== '') ?? [];
    return values.length ? [...new Set(values)] : fallback;
  };
  const h = SETTINGS_HEADERS;

  let agencies = DEFAULT_SETTINGS.agencies;
  const agencyNames = columnOf(h.agency);
  if (agencyNames?.some((v) => v !== '')) {
    const fields = columnOf(h.agencyField) ?? [];
    const contacts = columnOf(h.agencyContact) ?? [];
    const read: Agency[] = [];
    agencyNames.forEach((name, i) => {
      if (!name || read.some((a) => a.name === name)) return;
      const field = fields[i] ?? '';
      const known = (FIELDS_OF_PEOPLE as readonly string[]).includes(field);
      if (!known) notes.push(`設定「${h.agency}」${i + 2}行目「${name}」の分野「${field}」は使えないため「その他」として扱います。`);
      read.push({ name, field: known ? (field as FieldOfPeople) : 'その他', contact: contacts[i] ?? '' });
    });
    agencies = read;
  }

  let meetingTypes = DEFAULT_SETTINGS.meetingTypes;
  const meetingNames = columnOf(h.meetingName);
  if (meetingNames?.some((v) => v !== '')) {
    const col = (name: string) => columnOf(name) ?? [];
    const [consent, basis, start, mNew, mMon, mClose, mOpen, mEnd] = [
      col(h.meetingConsent), col(h.meetingBasis), col(h.meetingStart), col(h.minutesNewCase),
      col(h.minutesMonitoring), col(h.minutesClosing), col(h.minutesOpening), col(h.minutesClosingRemarks),
    ];
    const read: MeetingType[] = [];
    meetingNames.forEach((name, i) => {
      if (!name || read.some((m) => m.name === name)) return;
      const minutes = (values: string[], fallback: number, label: string): number => {
        const raw = values[i] ?? '';
        if (raw === '') return fallback;
        const parsed = minutesSchema.safeParse(raw);
        if (parsed.success) return parsed.data;
        notes.push(`設定「${label}」${i + 2}行目「${raw}」は分数として読めないため${fallback}分とします。`);
        return fallback;
      };
      const startRaw = (start[i] ?? '').replace(/^(\d):/, '0$1:');
      const startTime = timeSchema.safeParse(startRaw).success ? startRaw : '14:00';
      if (startRaw !== '' && startTime !== startRaw) notes.push(`設定「${h.meetingStart}」${i + 2}行目「${start[i]}」は時刻（例 14:00）として読めないため14:00とします。`);
      read.push({
        name,
        // Fails safe (SPEC §4): only the exact 不要 opens the meeting to cases without consent.
        consentRequired: (consent[i] ?? '') !== '不要',
        basis: basis[i] ?? '',
        startTime,
        minutes: {
          newCase: minutes(mNew, 20, h.minutesNewCase),
          monitoring: minutes(mMon, 10, h.minutesMonitoring),
          closing: minutes(mClose, 10, h.minutesClosing),
          opening: minutes(mOpen, 5, h.minutesOpening),
          closingRemarks: minutes(mEnd, 5, h.minutesClosingRemarks),
        },
      });
    });
    meetingTypes = read;
  }

  const option = (name: string): string => (columnOf(name) ?? []).find((v) => v !== '') ?? '';
  const nameDisplay = option(h.agendaNameDisplay);
  const threshold = option(h.smallCountThreshold);
  const thresholdValue = threshold === '' ? 0 : Number(threshold);
  if (threshold !== '' && !(Number.isInteger(thresholdValue) && thresholdValue >= 0)) {
    notes.push(`設定「${h.smallCountThreshold}」の「${threshold}」は0以上の整数ではないため0（秘匿しない）とします。`);
  }

  const targets: Record<string, number> = {};
  const targetValues = columnOf(h.targetValue) ?? [];
  (columnOf(h.targetMetric) ?? []).forEach((metric, i) => {
    const raw = targetValues[i] ?? '';
    if (metric === '' && raw === '') return;
    const where = `設定「${h.targetMetric}」${i + 2}行目`;
    const key = resolveTargetMetric(metric, meetingTypes.map((m) => m.name));
    const value = Number(normalizeText(raw).replace(/[,、]/g, '').replace(/(件|回|人)$/, ''));
    if (key === null) notes.push(`${where}「${metric}」は集計の項目にないため、目標を使いません。一覧から集計タブの項目名（例 新規相談（件））を選ぶか、項目のキー（例 newCases）を入力してください。`);
    else if (raw === '' || !Number.isFinite(value) || value < 0) notes.push(`${where}「${metric}」の${h.targetValue}「${raw}」は0以上の数ではないため、目標を使いません。`);
    else if (key in targets) notes.push(`${where}「${metric}」は目標が2つあるため、上の行の目標を使います。`);
    else targets[key] = value;
  });

  return {
    settings: {
      agencies,
      areas: list(h.area, DEFAULT_SETTINGS.areas),
      lifeAreas: list(h.lifeArea, DEFAULT_SETTINGS.lifeAreas),
      tags: list(h.tag, DEFAULT_SETTINGS.tags),
      meetingTypes,
      agendaNameDisplay: nameDisplay === 'イニシャル' ? 'イニシャル' : 'なし',
      smallCountThreshold: Number.isInteger(thresholdValue) && thresholdValue >= 0 ? thresholdValue : 0,
      targets,
      approvals: (columnOf(h.approvals) ?? []).filter((v) => v !== ''),
    },
    notes,
  };
}

/** The allowed values of a 設定 list; an empty list means any value is accepted. */
export function settingValues(settings: Settings, list: SettingListName): readonly string[] {
  switch (list) {
    case 'agencies': return settings.agencies.map((a) => a.name);
    case 'meetingTypes': return settings.meetingTypes.map((m) => m.name);
    case 'areas': return settings.areas;
    case 'lifeAreas': return settings.lifeAreas;
    case 'tags': return settings.tags;
  }
}

/**
 * The allowed values of a field's source: its fixed values, or its 設定 list
 * with any values added beside it (役割分担's 担当: 機関 plus 本人・家族・地域).
 * An empty 設定 list stays empty: any value is accepted until the town fills it.
 */
export function sourceValues(source: ValueSource, settings: Settings): readonly string[] {
  if (source.kind === 'fixed') return source.values;
  const values = settingValues(settings, source.list);
  return values.length && source.also ? [...values, ...source.also] : values;
}

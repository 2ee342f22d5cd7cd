/**
 * The results form a unit fills (one workbook per unit): its sheets, their
 * columns and the cells that say whose form it is. The writer and the reader
 * both follow this, so that a cell named in a problem is the cell written.
 */
export const SHEETS = { info: 'Thông tin', indicators: 'Chỉ tiêu', tasks: 'Nhiệm vụ', activities: 'Hoạt động' } as const;

/** "Thông tin": label in A, value in B, on these rows. */
export const INFO_ROWS = { campaign: 7, unit: 8, reportedOn: 9 } as const;

/** "Chỉ tiêu": one row per indicator item, below the header row. */
export const INDICATOR_COLUMNS = {
  item: 'A', name: 'B', unit: 'C', target: 'D', role: 'E', achieved: 'F', year: 'G', note: 'H',
} as const;
/** "Nhiệm vụ": one row per task. */
export const TASK_COLUMNS = { task: 'A', text: 'B', role: 'C', result: 'D' } as const;
/** "Hoạt động": one row per entry, of a kind. */
export const ACTIVITY_COLUMNS = { kind: 'A', text: 'B' } as const;
export const ACTIVITY_ROWS = 40;

export const HEADER_ROW = 1;

/** What an entry of "Hoạt động" is, as the clerk picks it, and where it goes in the results. */
export const ACTIVITY_KINDS = {
  'Hoạt động': 'activities',
  // No comma in a kind: Excel's list of choices is written with commas.
  'Điển hình tiên tiến': 'models',
  'Kết quả riêng của đơn vị': 'ownResults',
} as const;

export const ROLES = { leads: 'Chủ trì', supports: 'Phối hợp', component: 'Thành phần' } as const;

/** The row key of an item's component: "tong-gia-tri-san-xuat.gia-tri-thuong-mai" (ids have no dots). */
export const componentKey = (item: string, component: string): string => `${item}.${component}`;
export const DONE = { yes: 'Hoàn thành', no: 'Chưa hoàn thành' } as const;

export { TASK_COLUMNS, COLUMN_HEADERS, cellText } from './columns.js'
export type { TaskColumn, TaskTable } from './columns.js'

/**
 * The HTTP API between the review page and `policykb serve`: every request and response body as
 * a zod schema. The server validates what it is sent, the page validates what it receives; both
 * import this one module.
 */
import { Correction, CorrectionRange, DocumentKind, Severity, SourceFormat, UnitRole } from '@policykb/model'
import { z } from 'zod'

/** The columns of a 任务清单 (as `@policykb/tasklist` names them). */
export const Column = z.enum(['seq', 'specialty', 'direction', 'measure', 'lead', 'units', 'deadline'])

/** Where a document's corrections are kept: beside its file, in the KB, or only in memory (an upload without a KB). */
export const SavedIn = z.enum(['beside', 'kb', 'memory'])

/** A document in the list. */
export const DocumentSummary = z.object({
  id: z.string(),
  name: z.string(),
  format: SourceFormat,
  title: z.string().nullable(),
  kind: DocumentKind,
  rows: z.number().int().nonnegative(),
  corrections: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  savedIn: SavedIn,
})
export type DocumentSummary = z.infer<typeof DocumentSummary>

/** `GET /api/documents`. */
export const DocumentList = z.object({ documents: z.array(DocumentSummary) })
export type DocumentList = z.infer<typeof DocumentList>

/** `[start, end)` in UTF-16 offsets of the source text as read (not the normalised text). */
export const Range = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
export type Range = z.infer<typeof Range>

/** A row of the corrected 任务清单 with where its parts are in the source. */
export const RowView = z.object({
  seq: z.number().int().positive(),
  /** The measure id (`m12`, `added-…`); what corrections anchor to. */
  measureId: z.string().nullable(),
  specialty: z.string().nullable(),
  direction: z.string().nullable(),
  measure: z.string(),
  leadUnits: z.array(z.string()),
  units: z.string(),
  deadline: z.string(),
  /** Source lines the measure spans (1-based), for the row's label. */
  line: z.number().int().positive().nullable(),
  /** The measure's span in the source, the units' spans and the deadline's. */
  span: Range.nullable(),
  unitSpans: z.array(Range.extend({ name: z.string(), role: UnitRole })),
  deadlineSpan: Range.nullable(),
  /** Corrections (by position) that changed this row. */
  corrected: z.boolean(),
})
export type RowView = z.infer<typeof RowView>

/** A diagnostic as the page lists it. */
export const DiagnosticView = z.object({ severity: Severity, ruleId: z.string(), reason: z.string(), line: z.number().int().positive().nullable() })
export type DiagnosticView = z.infer<typeof DiagnosticView>

/** `GET /api/documents/:id`: the document view. */
export const DocumentView = z.object({
  summary: DocumentSummary,
  metadata: z.object({
    title: z.string().nullable(),
    docNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    date: z.string().nullable(),
    kind: DocumentKind,
  }),
  /** The source text as the reader produced it (lines joined by `\n`, original line numbers). */
  text: z.string(),
  /** Where each page of a PDF starts, as source offsets. */
  pages: z.array(z.object({ page: z.number().int().positive(), start: z.number().int().nonnegative() })),
  columns: z.array(Column),
  rows: z.array(RowView),
  diagnostics: z.array(DiagnosticView),
  corrections: z.array(Correction),
  conflicts: z.array(z.object({ index: z.number().int().nonnegative(), reason: z.string() })),
  /** Why the saved corrections file could not be read (it is kept, renamed, at the next save). */
  correctionsProblem: z.string().nullable(),
})
export type DocumentView = z.infer<typeof DocumentView>

/** `PUT /api/documents/:id/corrections`: the whole list (undo sends it without the last). */
export const PutCorrections = z.object({ corrections: z.array(Correction) })
export type PutCorrections = z.infer<typeof PutCorrections>

/** `POST /api/documents/:id/range`: a selection of the source → the range of the normalised text a correction anchors to. */
export const RangeRequest = Range
export const RangeResponse = z.object({ range: CorrectionRange })
export type RangeResponse = z.infer<typeof RangeResponse>

/** `POST /api/documents` (the file's bytes as the body, its name in `x-file-name`, URI-encoded). */
export const UploadResponse = z.object({ document: DocumentSummary })

/** Roles a unit facet counts, the page's filter. */
export const FacetRole = z.enum(['any', 'lead', 'responsible', 'cooperating', 'implementing'])

/** `GET /api/search?q=&unit=&role=&specialty=&month=&document=&offset=`. */
export const SearchRequest = z.object({
  q: z.string().default(''),
  unit: z.string().optional(),
  role: FacetRole.default('any'),
  specialty: z.string().optional(),
  /** Deadline month `YYYY-MM`. */
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  document: z.string().optional(),
  offset: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(500).default(50),
})
export type SearchRequest = z.output<typeof SearchRequest>

const Count = z.object({ value: z.string(), count: z.number().int().nonnegative() })

/** A hit: the measure, where it opens, and its highlighted snippets (offsets from the search package). */
export const HitView = z.object({
  id: z.string(),
  /** The served document that holds it, null when the KB's document is not served. */
  document: z.string().nullable(),
  kbDocument: z.string(),
  measureId: z.string(),
  title: z.string().nullable(),
  specialty: z.string().nullable(),
  units: z.array(z.object({ name: z.string(), role: UnitRole })),
  deadline: z.string(),
  score: z.number(),
  snippets: z.array(z.object({ field: z.string(), text: z.string(), ranges: z.array(Range), cut: z.boolean() })),
})
export type HitView = z.infer<typeof HitView>

/** `GET /api/search`. */
export const SearchResponse = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  hits: z.array(HitView),
  facets: z.object({
    unit: z.array(z.object({ unit: z.string(), role: UnitRole, count: z.number().int().nonnegative() })),
    specialty: z.array(Count),
    month: z.array(Count),
    document: z.array(Count),
  }),
  warnings: z.array(z.string()),
})
export type SearchResponse = z.infer<typeof SearchResponse>

/** `GET /api/units`: the unit directory. */
export const UnitsResponse = z.object({
  units: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()),
      measures: z.number().int().nonnegative(),
      roles: z.record(z.string(), z.number().int().nonnegative()),
      documents: z.array(z.string()),
    }),
  ),
})
export type UnitsResponse = z.infer<typeof UnitsResponse>

/** `GET /api/due?today=YYYY-MM-DD&unit=`: dated measures by deadline month. */
export const DueResponse = z.object({
  today: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          document: z.string().nullable(),
          measureId: z.string(),
          title: z.string(),
          deadline: z.string(),
          date: z.string(),
          overdue: z.boolean(),
          lead: z.array(z.string()),
        }),
      ),
    }),
  ),
})
export type DueResponse = z.infer<typeof DueResponse>

/** Every error: a status and one line for the user. */
export const ApiError = z.object({ error: z.string() })

/**
 * The source text as read, with its line numbers and page markers; the selected row's measure,
 * units and deadline highlighted. Lines are grouped in chunks: a chunk is an empty box of its
 * estimated height until it comes near the screen (or a row scrolls to it), and re-renders only
 * when its highlights change — so a 500 KB document opens with a few hundred lines in the DOM.
 * Every piece of document text is a text node: nothing of the document becomes markup.
 */
import { Component, type ComponentChildren } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { Range } from '../../src/api.ts'

/** A highlighted range and its kind (a CSS class). */
export interface Mark extends Range {
  kind: 'measure' | 'unit' | 'deadline' | 'selection'
}

export const CHUNK = 80

/** Line starts of the text. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** The 0-based line holding an offset. */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** One line's text cut at the marks that fall in it; units and deadline drawn over the measure. */
function pieces(text: string, start: number, marks: readonly Mark[]): ComponentChildren {
  const end = start + text.length
  const here = marks.filter((m) => m.start < end && m.end > start)
  if (here.length === 0) return text
  const cuts = new Set([0, text.length])
  for (const m of here) {
    cuts.add(Math.max(0, m.start - start))
    cuts.add(Math.min(text.length, m.end - start))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: ComponentChildren[] = []
  const rank = { selection: 0, measure: 1, unit: 2, deadline: 3 }
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    const covering = here.filter((m) => m.start <= start + a && m.end >= start + b)
    const top = covering.sort((x, y) => rank[y.kind] - rank[x.kind])[0]
    const piece = text.slice(a, b)
    out.push(top ? <span class={`hl hl-${top.kind}`}>{piece}</span> : piece)
  }
  return out
}

interface ChunkProps {
  text: string
  starts: readonly number[]
  first: number
  last: number
  marks: Mark[]
  /** Marks as a string: the chunk re-renders only when it changes. */
  markKey: string
  pageAt: ReadonlyMap<number, number>
  /** Drawn, or an empty box of `height` pixels. */
  shown: boolean
  height: number
  index: number
}

class Chunk extends Component<ChunkProps> {
  override shouldComponentUpdate(next: ChunkProps) {
    return next.markKey !== this.props.markKey || next.text !== this.props.text || next.shown !== this.props.shown
  }
  override render({ text, starts, first, last, marks, pageAt, shown, height, index }: ChunkProps) {
    if (!shown) return <div class="chunk" data-chunk={index} style={{ height: `${height}px` }} />
    const lines: ComponentChildren[] = []
    for (let i = first; i < last; i++) {
      const start = starts[i]!
      const end = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length
      const page = pageAt.get(i)
      if (page !== undefined) lines.push(<div class="page-marker">第 {page} 页</div>)
      lines.push(
        <div class="line" data-line={i + 1}>
          <span class="ln">{i + 1}</span>
          <span class="t" data-o={start}>
            {pieces(text.slice(start, end), start, marks)}
          </span>
        </div>,
      )
    }
    return (
      <div class="chunk" data-chunk={index}>
        {lines}
      </div>
    )
  }
}

/** The source pane. */
export function SourcePane(props: {
  text: string
  starts: readonly number[]
  marks: Mark[]
  pages: { page: number; start: number }[]
  onPick: (offset: number) => void
  onSelect: (range: Range | null) => void
}) {
  const { text, starts, marks } = props
  const pane = useRef<HTMLDivElement>(null)
  const [shown, setShown] = useState<ReadonlySet<number>>(() => new Set([0, 1]))
  const pending = useRef<number | null>(null)
  const show = (chunks: number[]) =>
    setShown((old) => (chunks.every((c) => old.has(c)) ? old : new Set([...old, ...chunks])))
  // Chunks near the screen are drawn; drawn ones stay.
  useEffect(() => {
    const root = pane.current
    if (!root) return
    const observer = new IntersectionObserver(
      (entries) => show(entries.filter((e) => e.isIntersecting).map((e) => Number((e.target as HTMLElement).dataset.chunk))),
      { root, rootMargin: '1200px 0px' },
    )
    for (const el of root.querySelectorAll('.chunk')) observer.observe(el)
    return () => observer.disconnect()
  }, [text])
  // A row asks for a line: draw its chunk, then scroll to it.
  useEffect(() => {
    const on = (e: Event) => {
      const line = (e as CustomEvent<number>).detail
      pending.current = line
      const c = Math.floor((line - 1) / CHUNK)
      show([c - 1, c, c + 1].filter((x) => x >= 0))
      requestAnimationFrame(scrollPending)
    }
    addEventListener(REVEAL, on)
    return () => removeEventListener(REVEAL, on)
  }, [])
  const scrollPending = () => {
    const line = pending.current
    const el = line === null ? null : pane.current?.querySelector<HTMLElement>(`.line[data-line="${line}"]`)
    if (!el) return
    pending.current = null
    el.scrollIntoView({ block: 'center' })
  }
  useLayoutEffect(scrollPending)
  const width = pane.current?.clientWidth ?? 700
  const perLine = Math.max(20, Math.floor((width - 64) / 13))
  const pageAt = new Map(props.pages.map((p) => [lineOf(starts, p.start), p.page]))
  const chunks: ComponentChildren[] = []
  for (let first = 0; first < starts.length; first += CHUNK) {
    const last = Math.min(starts.length, first + CHUNK)
    const lo = starts[first]!
    const hi = last < starts.length ? starts[last]! : text.length + 1
    const mine = marks.filter((m) => m.start < hi && m.end > lo)
    let rows = 0
    for (let i = first; i < last; i++) rows += Math.max(1, Math.ceil(((i + 1 < starts.length ? starts[i + 1]! : text.length) - starts[i]!) / perLine))
    const index = first / CHUNK
    chunks.push(
      <Chunk
        key={first}
        text={text}
        starts={starts}
        first={first}
        last={last}
        marks={mine}
        markKey={mine.map((m) => `${m.kind}${m.start}-${m.end}`).join(',')}
        pageAt={pageAt}
        shown={shown.has(index)}
        height={Math.round(rows * 20.8)}
        index={index}
      />,
    )
  }
  const onMouseUp = () => {
    const selection = getSelection()
    if (!selection || selection.rangeCount === 0) return
    const range = selection.getRangeAt(0)
    const start = offsetOf(range.startContainer, range.startOffset)
    const end = offsetOf(range.endContainer, range.endOffset)
    if (start === null) return
    if (range.collapsed || end === null || end <= start) {
      props.onSelect(null)
      props.onPick(start)
    } else props.onSelect({ start, end })
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a selection of text made with the mouse (or the keyboard's own text selection) is read when it ends
    <div class="source" id="source" ref={pane} onMouseUp={onMouseUp} onKeyUp={onMouseUp}>
      {chunks}
    </div>
  )
}

/** The source offset of a point in the pane: the line's start plus the characters before it in the line. */
function offsetOf(node: Node, offset: number): number | null {
  const element = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('.line')
  const t = element?.querySelector<HTMLElement>('.t')
  if (!t) return null
  const before = document.createRange()
  before.setStart(t, 0)
  try {
    before.setEnd(node, offset)
  } catch {
    return Number(t.dataset.o)
  }
  const inLine = t.contains(node) ? before.toString().length : 0
  return Number(t.dataset.o) + inLine
}

const REVEAL = 'policykb:reveal'

/** Scroll the pane so the line holding `offset` is in view (drawing its chunk first). */
export function scrollToOffset(starts: readonly number[], offset: number) {
  dispatchEvent(new CustomEvent(REVEAL, { detail: lineOf(starts, offset) + 1 }))
}

/**
 * The vocabulary of web pages the HTML reader goes by, as named data: which elements are
 * blocks, which hold no text a reader sees, which class or id names hint at an article body or
 * at page chrome, and the labels of a government page's metadata table. Hints only ever weigh a
 * decision that text and link density also make (see content.ts); none decides alone.
 */
import type { SourceMetadata } from '@policykb/model'

/** Elements whose content a person never reads as the page's text. */
export const DROPPED: ReadonlySet<string> = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'map',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'datalist',
  'dialog',
])

/**
 * Elements that are navigation or page furniture by their HTML5 meaning. Dropped unless they
 * hold the article itself (a site that wraps everything in `<header>` still gets its text).
 */
export const LANDMARK_CHROME: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header'])

/** Elements that start and end a line (CSS display: block, list-item, table parts). */
export const BLOCK: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
  'listing',
  'plaintext',
])

/** Headings: a short line in one of these is a title, not chrome. */
export const HEADING: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Elements whose whitespace is kept as written. */
export const PREFORMATTED: ReadonlySet<string> = new Set(['pre', 'xmp', 'listing', 'plaintext', 'textarea'])

/**
 * Class or id words of an article body on government and news sites (gov.cn `pages_content`,
 * `UCAP-CONTENT`; TRS `TRS_Editor`; 正文 `zw`; `article`, `content`, `detail`). A bonus on the
 * density score of the element that carries one, never a choice by itself.
 */
export const CONTENT_HINT = /(^|[-_\s])(article|content|contents|detail|main|text|zoom|zw|wzzw|zwnr|TRS_Editor|Custom_UnionStyle|view|body|maincontent|news_?content|art_?con|con)([-_\s]|$)/i

/**
 * Class or id words of page chrome: share bars, print and close links, QR codes, breadcrumbs,
 * related links, page tools. An element carrying one is dropped only when its text is short or
 * mostly links (see content.ts), so an article `<div class="share-content">` survives.
 */
export const CHROME_HINT =
  /(^|[-_\s])(share|bdshare|fenxiang|print|dayin|close|qr|qrcode|ewm|erweima|weixin|wechat|weibo|breadcrumb|crumbs?|position|location|dqwz|nav|navbar|menu|toolbar|tools?|fontsize|zihao|related|xgxw|xglj|relevant|recommend|footer|foot|copyright|banner|header|top|sidebar|comment|pager|pagination)([-_\s]|$)/i

/**
 * Footer and attribution lines of a government site: what a site prints under every page. A
 * line matching one is chrome wherever it stands (with the furniture patterns the normaliser
 * already knows: 扫一扫, 打印本页, 【字号 大 中 小】).
 */
export const FOOTER_LINE: readonly RegExp[] = [
  /^(版权所有|主办单位|主办|承办|承办单位|技术支持|运维单位|网站标识码|网站地图|联系我们|ICP备案|京ICP|[\u4e00-\u9fa5]ICP备)/,
  /(ICP备|ICP证|公网安备)\s*[\d-]+号/,
  /^(上一篇|下一篇|上一条|下一条)\s*[：:]/,
  /^(【?(打印|关闭|收藏|纠错|返回顶部|打印本页|关闭窗口)】?\s*)+$/,
  /^(字号|字体)\s*[：:]?\s*(【\s*)?(大|中|小|默认)(\s*】)?(\s*(大|中|小|默认))*$/,
  /^(扫一扫|手机扫一扫|微信扫一扫)/,
  /^(分享到|分享)\s*[：:]?$/,
]

/** One label of a metadata table (索引号, 发文机关 …), the field it fills, and an example. */
export interface MetadataLabel {
  id: string
  /** the label, with spaces and the closing colon taken out */
  words: readonly string[]
  /** the field of `SourceMetadata` it fills; absent for labels recognised but not kept */
  field?: keyof SourceMetadata
  example: string
}

/** The labels of the metadata block a government article page carries above the text. */
export const METADATA_LABELS: readonly MetadataLabel[] = [
  { id: 'index-number', words: ['索引号'], field: 'indexNumber', example: '索 引 号：000014349/2018-00217' },
  { id: 'subject', words: ['主题分类', '分类', '信息分类'], field: 'subject', example: '主题分类：卫生、体育\\体育' },
  { id: 'issuer', words: ['发文机关', '发布机构', '发文单位', '制发机关', '发布机关', '发文机构'], field: 'issuer', example: '发文机关：国务院办公厅' },
  { id: 'written', words: ['成文日期', '生成日期', '印发日期'], field: 'written', example: '成文日期：2018年12月11日' },
  { id: 'title', words: ['标题', '名称', '文件名称', '文件标题'], field: 'title', example: '标　　题：国务院办公厅关于加快发展体育竞赛表演产业的指导意见' },
  { id: 'doc-number', words: ['发文字号', '文号'], field: 'docNumber', example: '发文字号：国办发〔2018〕121号' },
  { id: 'published', words: ['发布日期', '公开日期', '发布时间'], field: 'published', example: '发布日期：2018年12月21日' },
  { id: 'other', words: ['主题词', '有效性', '体裁分类', '公文种类', '时效', '效力状态', '废止日期', '实施日期', '公开方式', '公开范围', '组配分类'], example: '主 题 词：' },
]

const LABEL_WORDS = new Map(METADATA_LABELS.flatMap((l) => l.words.map((w) => [w, l] as const)))
const LABEL_SPACE = /[\s\u3000\u00a0]+/g

/**
 * The metadata label a piece of text is, or undefined: `索 引 号：`, `标　　题:` (spaces inside a
 * label are typesetting). The text must be the label alone, closing colon optional.
 */
export function metadataLabel(text: string): MetadataLabel | undefined {
  const bare = text.replace(LABEL_SPACE, '').replace(/[:：]$/, '')
  return bare.length <= 6 ? LABEL_WORDS.get(bare) : undefined
}

/**
 * A `label：value` line of a metadata block (`发文机关：国务院办公厅`), split; undefined when the line
 * does not open with a label and a colon.
 */
export function metadataPair(text: string): { label: MetadataLabel; value: string } | undefined {
  const m = /^([^:：]{2,12})[:：]\s*(.*)$/.exec(text.trim())
  if (!m) return undefined
  const label = metadataLabel(m[1]!)
  return label ? { label, value: m[2]!.trim() } : undefined
}

/**
 * `<meta name>` values that carry a page's metadata on government and news CMSs (gov.cn's
 * `ArticleTitle`, `PubDate`; Dublin Core `dc.title`; Open Graph `og:title`).
 */
export const META_NAMES: Readonly<Record<string, keyof SourceMetadata>> = {
  articletitle: 'title',
  'dc.title': 'title',
  'og:title': 'title',
  pubdate: 'published',
  'dc.date': 'published',
  'article:published_time': 'published',
  firstpublishedtime: 'published',
}

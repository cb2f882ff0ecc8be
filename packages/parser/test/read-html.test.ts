/**
 * The HTML reader on pages written for each rule: charsets, blocks and line breaks, tables with
 * merged cells, the metadata block, the article told from navigation, share bars and footers.
 * The ten real gov.cn pages are in test/html-pages.test.ts.
 */
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { readHtml } from '../src/read/html.js'
import { parseSource } from '../src/source.js'

const utf8 = (html: string) => new TextEncoder().encode(html)

async function readPage(html: string | Uint8Array, options = {}) {
  const outcome = await readHtml(typeof html === 'string' ? utf8(html) : html, options)
  if (!outcome.ok) throw new Error(`not read: ${outcome.reason}`)
  return outcome
}
const textOf = async (html: string | Uint8Array, options = {}) => (await readPage(html, options)).source.text

describe('charset', () => {
  const body = '<p>关于推进政务服务标准化的实施意见</p><p>各区人民政府，市政府各部门：</p>'
  it.each([
    { how: '<meta charset="gb2312">', head: '<meta charset="gb2312">', encoding: 'gb18030' },
    { how: 'http-equiv Content-Type', head: '<meta http-equiv="Content-Type" content="text/html; charset=GBK">', encoding: 'gb18030' },
    { how: 'no declaration: detected', head: '', encoding: 'gb18030' },
  ])('a GBK page, $how', async ({ head, encoding }) => {
    const bytes = iconv.encode(`<html><head>${head}</head><body>${body}</body></html>`, 'gbk')
    const out = await readPage(bytes)
    expect(out.source.encoding).toBe(encoding)
    expect(out.source.text).toBe('关于推进政务服务标准化的实施意见\n各区人民政府，市政府各部门：')
  })

  it('a GBK page that declares UTF-8 is read as GBK, and says so', async () => {
    const bytes = iconv.encode(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`, 'gbk')
    const out = await readPage(bytes)
    expect(out.source.text).toContain('政务服务标准化')
    expect(out.diagnostics.map((d) => d.ruleId)).toContain('html-charset-mismatch')
  })

  it('an explicit encoding wins over the declaration', async () => {
    const bytes = iconv.encode(`<meta charset="utf-8">${body}`, 'gbk')
    expect((await readPage(bytes, { encoding: 'gbk' })).source.encoding).toBe('gb18030')
  })
})

describe('lines', () => {
  it.each([
    { what: 'paragraphs and <br>', html: '<div>一、总体要求<br>（一）指导思想。<br><br>坚持问题导向。</div>', text: '一、总体要求\n（一）指导思想。\n坚持问题导向。' },
    { what: 'inline elements run on', html: '<p><span>（一）</span><b>完善</b>组织架构。</p>', text: '（一）完善组织架构。' },
    { what: 'a source line break between Chinese characters is no space', html: '<p>国务院办公厅关于加快发展\n  体育竞赛表演产业的指导意见</p>', text: '国务院办公厅关于加快发展体育竞赛表演产业的指导意见' },
    { what: 'between Latin words it is one', html: '<p>Open\n  Government</p>', text: 'Open Government' },
    { what: 'entities decoded', html: '<p>&lt;附件&gt;&nbsp;&ldquo;无废城市&rdquo;&#12289;&#x3001;&amp;</p>', text: '<附件>\u00a0“无废城市”、、&' },
    { what: 'scripts, styles, forms and hidden text dropped', html: '<style>p{}</style><p>正文<script>var a="假"</script></p><div style="display: none">隐藏</div><p hidden>也隐藏</p><select><option>选项</option></select><noscript>无脚本</noscript>', text: '正文' },
    { what: 'preformatted text keeps its lines', html: '<pre>第一行\n  第二行</pre>', text: '第一行\n  第二行' },
  ])('$what', async ({ html, text }) => {
    expect(await textOf(html)).toBe(text)
  })

  it('gives each line the path of its element', async () => {
    const out = await readPage('<div class="article"><h1>关于印发某方案的通知</h1><div id="zoom"><p>第一段。</p><p>第二段，<br>接着。</p></div></div>')
    expect(out.source.blocks.map((b) => [out.source.text.slice(b.start, b.end), b.origin.element])).toEqual([
      ['关于印发某方案的通知', 'body>div.article>h1'],
      ['第一段。', 'div#zoom>p:nth-of-type(1)'],
      ['第二段，', 'div#zoom>p:nth-of-type(2)'],
      ['接着。', 'div#zoom>p:nth-of-type(2)'],
    ])
  })
})

describe('tables', () => {
  const table = `<table>
    <tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr>
    <tr><td>1</td><td>推行企业开办“一网通办”。</td><td rowspan="2">市市场监管局</td><td>市税务局、市公安局</td><td>2023年6月底前</td></tr>
    <tr><td>2</td><td>压减工程建设项目审批时间。</td><td>市住建局</td><td rowspan="2">2023年12月底前</td></tr>
    <tr><td>3</td><td colspan="2">优化获得电力服务。</td><td>国网某市供电公司</td></tr>
  </table>`

  it('is one line per row with tabs between cells, a rowspan repeated in each row, a colspan holding its columns', async () => {
    expect((await textOf(table)).split('\n')).toEqual([
      '序号\t重点任务\t牵头单位\t责任单位\t完成时限',
      '1\t推行企业开办“一网通办”。\t市市场监管局\t市税务局、市公安局\t2023年6月底前',
      '2\t压减工程建设项目审批时间。\t市市场监管局\t市住建局\t2023年12月底前',
      '3\t优化获得电力服务。\t\t国网某市供电公司\t2023年12月底前',
    ])
  })

  it('gives each cell its table, row and column', async () => {
    const out = await readPage(table)
    const cell = out.source.blocks.find((b) => out.source.text.slice(b.start, b.end) === '市住建局')
    expect(cell?.origin).toEqual({ element: 'body>table>tbody>tr:nth-of-type(3)>td:nth-of-type(3)', table: 0, row: 2, column: 3 })
  })

  it('a 任务分工 table published as HTML becomes measures with their units and deadlines', async () => {
    const out = await readPage(`<p>某市优化营商环境任务分工方案</p>${table}`)
    const { measures } = parseSource(out.source)
    expect(measures.map((m) => [m.text, m.units.map((u) => `${u.name}:${u.role}`).join('、'), m.deadline?.text])).toEqual([
      ['推行企业开办“一网通办”。', '市市场监管局:lead、市税务局:responsible、市公安局:responsible', '2023年6月底前'],
      ['压减工程建设项目审批时间。', '市市场监管局:lead、市住建局:responsible', '2023年12月底前'],
      ['优化获得电力服务。', '国网某市供电公司:responsible', '2023年12月底前'],
    ])
    expect(measures[1]!.units[1]!.span.origin).toMatchObject({ table: 0, row: 2, column: 3 })
  })

  it('a layout table (one column, or cells holding tables) is read as blocks', async () => {
    const html = '<table><tr><td><p>一、总体要求</p><p>（一）指导思想。</p></td></tr></table><table><tr><td><table><tr><td>左</td><td>右</td></tr></table></td><td><p>正文段落。</p></td></tr></table>'
    expect((await textOf(html)).split('\n')).toEqual(['一、总体要求', '（一）指导思想。', '左\t右', '正文段落。'])
  })
})

describe('the metadata block', () => {
  it('a table of 索引号/发文机关/… goes to metadata, not into the text', async () => {
    const out = await readPage(`<table>
      <tr><td><b>索 引 号：</b></td><td>11410100/2023-00012</td><td><b>主题分类：</b></td><td>综合政务</td></tr>
      <tr><td><b>发文机关：</b></td><td>某市人民政府办公室</td><td><b>成文日期：</b></td><td>2023年03月02日</td></tr>
      <tr><td><b>标　　题：</b></td><td colspan="3">某市人民政府办公室关于印发某市优化营商环境行动方案的通知</td></tr>
      <tr><td><b>发文字号：</b></td><td>某政办〔2023〕5号</td><td><b>发布日期：</b></td><td>2023年03月06日</td></tr>
    </table><p>各县（市、区）人民政府：</p><p>现将《某市优化营商环境行动方案》印发给你们，请认真贯彻落实。</p>`)
    expect(out.source.metadata).toEqual({
      indexNumber: '11410100/2023-00012',
      subject: '综合政务',
      issuer: '某市人民政府办公室',
      written: '2023年03月02日',
      title: '某市人民政府办公室关于印发某市优化营商环境行动方案的通知',
      docNumber: '某政办〔2023〕5号',
      published: '2023年03月06日',
    })
    expect(out.source.text).toBe('各县（市、区）人民政府：\n现将《某市优化营商环境行动方案》印发给你们，请认真贯彻落实。')
  })

  it('so does a run of label：value lines, and <meta> tags fill what it lacks', async () => {
    const out = await readPage(`<html><head><title>关于印发某方案的通知_某市人民政府</title><meta name="PubDate" content="2023-03-06 10:00"></head><body>
      <ul class="info"><li>索引号：11410100/2023-00012</li><li>发文机关：某市人民政府</li><li>文号：某政〔2023〕1号</li></ul>
      <div class="content"><p>各县（市、区）人民政府，市人民政府各部门：</p><p>现将方案印发给你们，请认真贯彻落实。</p></div></body></html>`)
    expect(out.source.metadata).toEqual({ indexNumber: '11410100/2023-00012', issuer: '某市人民政府', docNumber: '某政〔2023〕1号', published: '2023-03-06 10:00', title: '关于印发某方案的通知' })
    expect(out.source.text).not.toContain('索引号')
  })

  it('a task table whose header says 名称 and 分类 is no metadata table', async () => {
    const text = await textOf('<table><tr><td>名称</td><td>分类</td><td>牵头单位</td></tr><tr><td>政务服务</td><td>综合</td><td>市政务办</td></tr></table>')
    expect(text).toBe('名称\t分类\t牵头单位\n政务服务\t综合\t市政务办')
  })
})

describe('the article, not the chrome', () => {
  // A page built the way government sites are: a header with navigation, a breadcrumb, the
  // article (title outside its body div), a share bar, related links and a footer.
  const paragraph = (i: number) => `<p>（${'一二三四五六'[i]}）加快推进第${i + 1}项改革任务。各地区、各部门要按照职责分工，细化工作措施，压实工作责任，确保各项任务落到实处。</p>`
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市人民政府关于深化改革的实施意见_政策文件_某市人民政府</title><script>var x = 1</script></head><body>
    <div class="header"><div class="logo">某市人民政府</div>
      <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/zjmc">走进某市</a></li></ul></div>
    <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zcwj">政策文件</a></div>
    <div class="main">
      <div class="article">
        <h1>某市人民政府关于深化改革的实施意见</h1>
        <div class="info">发布时间：2023-03-06　来源：市政府办公室　<span class="fontsize">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
        <div class="TRS_Editor">
          <p>各县（市、区）人民政府，市人民政府各部门：</p>
          ${[0, 1, 2, 3, 4, 5].map(paragraph).join('\n')}
          <p style="text-align:right">某市人民政府</p>
          <p style="text-align:right">2023年3月2日</p>
        </div>
        <div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
        <div class="print-close"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
      </div>
      <div class="related"><h3>相关文件</h3><ul><li><a href="/a">某市人民政府关于印发某某方案的通知</a></li><li><a href="/b">某市人民政府办公室关于某某工作的通知</a></li><li><a href="/c">某市优化营商环境若干措施政策解读</a></li></ul></div>
    </div>
    <div class="footer"><p>主办单位：某市人民政府办公室　承办单位：某市大数据中心</p><p>网站标识码：1101000001　京ICP备05070218号　京公网安备11010202000001号</p></div>
  </body></html>`

  it('keeps the title, the body and the signature; drops navigation, breadcrumb, tools, share, related links and footer', async () => {
    const lines = (await textOf(page)).split('\n')
    expect(lines[0]).toBe('某市人民政府关于深化改革的实施意见')
    expect(lines.slice(-2)).toEqual(['某市人民政府', '2023年3月2日'])
    for (const chrome of ['首页', '当前位置', '发布时间', '字号', '分享到', '打印本页', '关闭窗口', '相关文件', '主办单位', 'ICP备', '某某方案']) {
      expect(lines.join('\n')).not.toContain(chrome)
    }
    // title, salutation, six items, signature and date; the 发布时间/来源 line is chrome too
    expect(lines).toHaveLength(1 + 1 + 6 + 2)
  })

  it('parses to the measures the body holds, with the page title as metadata', async () => {
    const out = await readPage(page)
    const r = parseSource(out.source)
    expect(r.document.title).toBe('某市人民政府关于深化改革的实施意见')
    expect(r.measures.map((m) => m.numbering)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'])
    expect(r.measures[0]!.span.origin?.element).toBe('body>div.main:nth-of-type(3)>div.article:nth-of-type(1)>div.TRS_Editor:nth-of-type(2)>p:nth-of-type(2)')
  })

  it('a page without a content class is read by density alone', async () => {
    const anonymous = page.replaceAll('class="TRS_Editor"', '').replaceAll('class="article"', '').replaceAll('class="main"', '')
    expect(await textOf(anonymous)).toBe(await textOf(page))
  })

  it('an article whose paragraphs link to its attachments keeps them', async () => {
    const html = `<div class="content">${paragraph(0)}${paragraph(1)}<p>附件：<a href="/f1.doc">1.某市改革任务分工表</a></p><p><a href="/f2.doc">2.某市改革指标体系</a></p></div>`
    expect((await textOf(html)).split('\n').slice(2)).toEqual(['附件：1.某市改革任务分工表', '2.某市改革指标体系'])
  })
})

describe('bad input', () => {
  it.each([
    { what: 'no text at all', html: '<div><img src="a.png"></div>', ruleId: 'read-empty' },
    { what: 'an empty file', html: '', ruleId: 'decode-empty' },
  ])('$what: $ruleId', async ({ html, ruleId }) => {
    expect(await readHtml(utf8(html), {})).toMatchObject({ ok: false, format: 'html', ruleId })
  })

  it('a page over the size limit is refused before it is parsed', async () => {
    expect(await readHtml(utf8(`<p>${'很长'.repeat(100)}</p>`), { maxBytes: 100 })).toMatchObject({ ok: false, ruleId: 'read-too-large' })
  })

  it('markup nested too deeply for a tree is read from its tags, with a warning', async () => {
    const depth = 20000
    const out = await readPage(`<p>一、总体要求</p>${'<div>'.repeat(depth)}<p>正文&nbsp;&#x3001;</p>${'</div>'.repeat(depth)}<script>x()</script>`)
    expect(out.source.text).toBe('一、总体要求\n正文\u00a0、')
    expect(out.diagnostics.map((d) => d.ruleId)).toContain('html-too-deep')
  })
})

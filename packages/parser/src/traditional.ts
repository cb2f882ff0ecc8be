/**
 * Traditional → simplified, for the characters that labels, unit names and suffixes, section and
 * title words, deadlines and 文号 are written with (`牽頭單位` → `牵头单位`, `縣區` → `县区`,
 * `實施計劃` → `实施计划`, `〔2020〕5號` → `〔2020〕5号`): plans are republished in traditional
 * script, and every test of the parser is written in simplified.
 *
 * Only pairs where one traditional character always stands for one simplified character are
 * listed (`於`→`于`, not `乾`, `著`, `藉`, `瞭`, whose reading depends on the word), each
 * one UTF-16 code unit to one, so folding keeps offsets. The few sources that also occur in
 * simplified text (`於`, `後`, `徵`) fold to the form simplified text writes for the same word.
 */
const PAIRS = [
  '並并 佈布 佔占 併并 來来 係系 倉仓 個个 們们 偉伟 偵侦 備备 傳传 債债 傷伤 傾倾 僅仅 僑侨 億亿 儘尽',
  '優优 儲储 兒儿 內内 兩两 冊册 則则 剛刚 創创 劃划 劇剧 動动 務务 勝胜 勞劳 勢势 勵励 勸劝 匯汇 區区',
  '協协 參参 員员 問问 啟启 單单 嚮向 嚴严 國国 圍围 園园 圖图 團团 執执 堅坚 報报 場场 壓压 壽寿 夢梦',
  '婦妇 嬰婴 學学 實实 審审 寬宽 將将 專专 對对 導导 屆届 層层 屬属 島岛 帥帅 師师 帶带 幫帮 幹干 庫库',
  '廠厂 廢废 廣广 廳厅 張张 強强 彙汇 後后 復复 徵征 徹彻 恆恒 態态 慣惯 慶庆 憂忧 憑凭 應应 懲惩 懸悬',
  '戰战 戶户 捨舍 掃扫 掛挂 採采 換换 撐撑 擔担 據据 擴扩 擾扰 攜携 敗败 敘叙 數数 斷断 於于 時时 晉晋',
  '暢畅 暫暂 曆历 書书 會会 東东 條条 業业 極极 榮荣 構构 樂乐 樓楼 標标 樞枢 樣样 橋桥 機机 檢检 權权',
  '歲岁 歷历 殘残 氣气 決决 沒没 況况 減减 準准 溫温 滬沪 滿满 潤润 濟济 灣湾 災灾 為为 無无 煙烟 熱热',
  '營营 爭争 爲为 牽牵 狀状 獎奖 獨独 獲获 現现 環环 瓊琼 產产 當当 療疗 發发 盡尽 監监 眾众 確确 礎础',
  '礦矿 祕秘 稅税 種种 稱称 積积 穩稳 競竞 節节 範范 築筑 簡简 粵粤 糧粮 糾纠 紀纪 約约 紅红 納纳 級级',
  '細细 終终 組组 結结 給给 統统 經经 綜综 綠绿 綫线 維维 綱纲 網网 緊紧 線线 編编 緩缓 練练 縣县 縮缩',
  '總总 績绩 織织 繫系 繼继 續续 羣群 義义 習习 聯联 職职 臨临 臺台 與与 興兴 舉举 舊旧 華华 萬万 藝艺',
  '藥药 蘇苏 處处 號号 衆众 術术 衛卫 裏里 補补 裝装 裡里 製制 複复 見见 規规 視视 親亲 覺觉 覽览 觀观',
  '訂订 計计 訊讯 訓训 託托 記记 訪访 設设 許许 訴诉 註注 評评 試试 誌志 認认 語语 說说 調调 請请 論论',
  '諧谐 諾诺 謹谨 證证 識识 議议 護护 變变 負负 財财 貫贯 責责 貸贷 貿贸 資资 賣卖 賦赋 質质 購购 贛赣',
  '跡迹 踐践 車车 軍军 輛辆 輯辑 輸输 轄辖 轉转 辦办 農农 這这 週周 進进 運运 過过 達达 違违 遠远 適适',
  '選选 遼辽 邁迈 邏逻 郵邮 鄉乡 醫医 釋释 銀银 銜衔 銷销 鋒锋 錄录 錢钱 錯错 錶表 鎮镇 鏈链 鏡镜 鐵铁',
  '長长 門门 閉闭 開开 閒闲 間间 閩闽 閱阅 關关 闡阐 陝陕 陳陈 陸陆 陽阳 隊队 階阶 際际 隨随 險险 雙双',
  '難难 電电 鞏巩 響响 頁页 頂顶 項项 順顺 須须 預预 頑顽 領领 頭头 頻频 題题 額额 類类 顧顾 顯显 風风',
  '颱台 養养 餘余 館馆 饋馈 駐驻 驗验 驚惊 體体 鬆松 魚鱼 魯鲁 麵面 點点 黨党 龍龙',
]

/** The simplified form of each listed traditional character. */
export const TRADITIONAL: ReadonlyMap<string, string> = new Map(
  PAIRS.flatMap((line) => line.split(' ')).map((pair) => [pair[0]!, pair[1]!] as const),
)

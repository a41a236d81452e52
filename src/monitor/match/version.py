"""Which engine a stored topic verdict was made by: its version, per topic.

In: a compiled topic. Out: `engine_version(topic)`, a digest of `ENGINE` (bumped by hand) and
every verdict the engine gives on the written probe texts below under that topic (matched,
score, rules fired, hits, reason). Never does I/O. (The store's rules hash mixes in the normal
form's version too: `pipeline.checks`.)

Why: a verdict is stored once, with the hash of the rules that made it, and articles are
matched again only when that hash changes. A new engine under the same rules (a scoring fix,
segmentation, a normaliser that reads more of a garbled page) would otherwise never look at
the archive again: an article it now finds stays missing from digests and `search --topic`,
one it now rejects stays in them. With this digest mixed into the rules hash, the first writer
after such an upgrade re-matches the store once (`pipeline.catch_up`). What the probes cannot
show is covered by `ENGINE`, bumped with such a change.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from .engine import match_article

if TYPE_CHECKING:
    from .rules import Topic

# Bump ENGINE when matching changes in a way the probes below cannot show (2: 三 明 read as 三明;
# 3: 赴上\n海; 4: 来自上 海; 5: 关注“…” lines, 瑞金医院内分泌科、消化内科; 6: English lists of places,
# "in Shanghai, Xiamen and Yong'an"; 7: a round-up's lines as items, a topic's not_in no longer one
# sense for the whole article; 8: 新闻一览 / 财经速览 titles, a reader's question answered by an office,
# "shanghai and sanming and …" as list items; 9: a side named in two body paragraphs or more anchors a
# rule as up front, a gazetteer's `inside` contexts, "trains between shanghai and sanming"; 10: a `none`
# group's name set aside by 除了 / "besides", a line between two stations (三明北至上海虹桥), a long
# source line above the story, an English list opened by "including"; and, by a probe below rather than
# a second bump, "?" for a lost character inside a name, 三?市, and a menu's 相关文章推荐 above the headline;
# 11: a lost character in a two-character name the page writes in full elsewhere, 三〓分院 under 三明日报,
# and an emoji inside a name, 上🔥海; 12: a links marker after "。 " inside a page flattened into one line, a
# source line above the lead as up front, a line of bullets as a keyword line, a column's dated listing as
# a list; 13: pinyin's tone marks read off, Shànghǎi as shanghai; and, by probes below rather than a second
# bump, a menu line between spaces opening with 首页 / home, headlines left below a story with no marker;
# 14: a `not_in` context whose overlapping word the lexicon barely knows (三明路: 明路) names something else
# outright, a year looked back on (盘点2025, 回眸2024) as a round-up; and, by a probe below rather than a second
# bump, English headlines left below a story with no marker; and, by a probe below (match-20), a site search's results
# page, 站内搜索 / 搜索结果, as a round-up, and a share bar (分享到) above the story as no end of it; and, by a probe
# below (match-21), a site's footer lines above its copyright line or at the page's end (主办单位：… 协办单位：…) as no
# part of the story; and, by a probe below (match-22), a menu line under its own label, 网站导航：…; and, by a probe below
# (match-24), a menu line between spaces with no opener, a topic box, readers' comments below the story, two or three
# bodies listed after 与 as partners, a public body's source line below the story, a time's minutes as no list number;
# and, by a probe below (match-25), a statement's two sentences joined by a semicolon, a video's subtitle lines read as
# one paragraph, readers' posts headed 发表于 below the story; and, by a probe below (match-26), list items under ◎, ※,
# ➤ … bullets, an item whose line is only its day running on to the next; and, by a probe below (match-27), three
# items under an office's log title, 工作周报, as a list; and, by a probe below (match-28), an apostrophe written as an
# opening quote, an acute accent or a prime inside an English term, Yong‘an, Yong´an; a numbered list run into one
# line, 1. … 2. … 3. …, as a list; and, by a probe below (match-29), a chronicle's lines opening with their month, 一月：…,
# as a list, an estate agent's advert as a seller's, and Sanming as machine translation writes its meaning, Bright
# City; and, by probes below (match-30), a table's rows flattened with bars, 2|项目|进度, as text, not keywords; and, by a
# probe below (match-31), an English list closed by its others, "Shanghai, Zhejiang and 20 other provinces", as a list;
# and a `not_in` context overlapping the one the scan found, 即将乐 | 将乐享, judged too; and, by a probe below (match-32),
# a line of keywords between spaces under its label, 关键词云：…, as a menu's line; and, by a probe below (match-33), an
# English list as a preposition's object before the clause's verb, "investors from Shanghai, Shenzhen and Hangzhou
# signed …", as a list; and, by a probe below (match-34), a white square as a lost character inside a name, 上□市;
# and, by a probe below (match-38), a topic's `body_names` / `body_pair`: a title over a body naming none of them;
# and, by a probe below (match-39), English one phrase a line, a line opening with a verb in the past read on;
# and, by a probe below (match-41), a source line (…来源：… 责任编辑：… |) over a share bar as chrome above the story,
# and bare previous / next links (上一篇 下一篇) above an e-paper's headline as chrome too;
# and, by probes below (match-40), a colon's list of six short items or more between 、 as a list, and English one
# phrase a line, a line opening with the phrase of whose help or what for, "Under the pairing program", read on;
# and, by a probe below (match-42), any marker line above the story (标签：…, 评论（0）, a 相关新闻 box and its headlines)
# as chrome set aside, not the story's end;
# and, by probes below (match-43), an untitled page's headline line of a lead's length as its title above the lead,
# and a body line the title holds (the title with the site's name after it) as the title again;
# and, by probes below (match-45), an untitled page's first line, a headline (under a few lines of chrome), as its title,
# and a chronicle's lines opening with their month and a space, 5月 …, as a list;
# and, by probes below (match-46), the name on a source, outlet or editor line, 来源：三明日报, as no place of the story
# (unless the story names its own side by no name, 市长, 我市), and bulleted links above an untitled story as aside);
# and, by probes below (match-47), an outlet's name run into the story's first line or cited in it (三明日报讯, 据…报道) as no
# place of the story, a place's name inside a venue's quoted name (永安“上海城”商场) as the venue's, and an untitled page's
# first line that is its <title>, a site's name after "_", as its title, and one whose headline is a question and its
# answer (…开诊？不，这是谣言) as its title too.
ENGINE = 14

# Written for this module (our words): titles and bodies that exercise the engine's parts for
# the bundled topic (both sides named plainly, indirectly, in English, in traditional script,
# buried, garbled) and texts that must not match it; any other topic's verdicts on them
# count as well.
PROBES = (
    ("沪明对口合作产业园开工", "上海市与三明市对口合作项目日前在三元区开工，两地国资平台共同出资建设园区。"),
    ("闵行区代表团赴永安考察", "闵行区党政代表团来到永安市，围绕产业协作和干部交流开展结对对接。\n双方签署了新一年的合作清单。"),
    ("Shanghai delegation visits Sanming", "Officials from Shanghai visited Sanming, Fujian, to review paired "
     "assistance projects in Yong'an and Shaxian.\nThe two cities signed a tourism agreement."),
    ("滬明協作再添新項目", "上海市與三明市簽署對口合作協議，共建人才飛地，推動文旅融合。"),
    ("市政府工作报告", "过去一年，全市经济平稳运行。\n\n工业增加值增长百分之六。\n\n深化沪明协作，"
     "与上海共建产业园区，引进项目十二个。\n\n新的一年，继续改善民生。"),
    ("上�挂职干部在三明", "来自上�的挂职干部到三明市担任副县长，牵线两地医院开展远程诊疗合作。"),
    ("三明治店在上海开业", "一家三明治店本周在上海开业，面包每天现烤，周末排起长队。"),
    ("三明明确冬季防火任务", "三明市召开会议，明确冬季森林防火责任，上海天气晴好。"),
    ("福建文旅推介会在沪举行", "福建省在上海举办文旅推介会，出席嘉宾包括省内各市代表，其中有三明市副市长。"),
    ("三 明 与 上 海 共 建 产 业 园", "两地签署协议，园区首批入驻企业十家。"),
    ("研学团出发", "将乐县五十名学生赴上\n海研学，行程由结对区安排。"),
    ("年度十大新闻", "1. 高铁新线开通\n2. 沪明对口合作签约\n3. 新机场航站楼启用\n4. 城市马拉松举行"),
    ("专家团走进乡村", "来自上 海的农技专家走进三 明市尤溪县，为茶农讲解病虫害防治。"),
    ("本周专家来院坐诊", "↑点击蓝字，关注“泰宁县医院”\n华山医院骨科、神经内科专家本周在我院坐诊，这是两院合作的内容。"),
    ("Courier adds depots", "The firm opened depots in Shanghai, Xiamen and Yong'an this year, and signed leases in "
     "Ganzhou, Sanming, Baoji and Yichang."),
    ("组图｜援派医生在宁化", "图为：长宁区援派医生在宁化县医院查房。\n图为：专家到乡镇卫生院义诊。"),
    ("早报｜今日关注", "上海：新线开通；三明：上海考察团来访；福州：花展开幕。\n国际：利率不变。\n体育：比赛结果。\n天气：降温。"),
    ("三明医改再出发", "三明医改走过十余年。\n三明借助沪明对口合作引入上海的医院设立分院。"),
    ("财经新闻一览：沪明合作签约", "1、股市收涨。\n2、三明与上海签约。\n3、油价下调。\n4、金价上涨。"),
    ("网友问：楼下尤溪菜馆油烟扰民", "网友留言：我住虹口区，楼下尤溪风味小馆油烟大。\n虹口区生态环境局回复：已责令整改。"),
    ("Lender adds branches", "It has branches in Shanghai and Sanming and in nine other cities."),
    ("全市工作报告", "宁化县制种面积稳定。\n明溪县建成观鸟点。\n我们将用好与上海的对口合作机制，引进沪企项目。"),
    ("New trains between Shanghai and Sanming", "The Shanghai Stock Exchange and Sanming signed a cooperation pact."),
    ("专访普陀区区长", "问：对口支援方面？\n答：除了云南、新疆，我们还和宁化县结对，在宁化共建了产业园。"),
    ("三明北—上海虹桥动车首发", "今日起，三 明北至上 海虹桥开行首对动车。"),
    ("Relief reaches Jiangle", "Source: Sanming Municipal People's Government Website   Published: 2025-11-26   Font "
     "size: [Large] [Medium] [Small]\nSupplies from Jinshan district, including tents, quilts and water, reached Jiangle."),
    ("三?市与上?市签约", "三?市与上?市签署对口合作协议。怎么办?市民可咨询。"),
    ("逛吃上海｜培训基地开班", "目录\n相关文章推荐\n美食号 › 专栏\n逛吃上海｜培训基地开班\n杨浦区与沙县区共建的小吃培训基地开班。"),
    ("华山医院三\ufffd分院开诊", "来源：三明日报\n华山医院三\ufffd分院开诊，上海专家每周坐诊。三\ufffd\ufffd的游客也来了。"),
    ("上🔥海专家到三✨明", "周三👍明显降温，专家团照常义诊。"),
    ("市委书记会见松江区党政代表团", "来源：三明日报\n市委书记会见了松江区党政代表团一行，双方进行了座谈。 相关新闻 沪明合作签约"),
    ("Pīnyīn: Shànghǎi–Sānmíng hézuò", "Sānmíng hé Shànghǎi qiānshǔ le xīn de hézuò xiéyì, Lǚ xiānsheng shuō."),
    ("永安读书节", "首页 新闻中心 沪明合作 上海 三明 专题\n永安市读书节开幕，活动持续一个月。\n上海代表团来永安考察\n"
     "沪明合作产业园签约\n泰宁旅游创新高"),
    ("三明要闻", "三明召开会议 2024-03-01\n沪明合作项目签约 2024-02-28\n永安油菜花节 2024-02-27\n"
     "宁化春耕 2024-02-26\n泰宁旅游 2024-02-25\n◇ 沪明对口合作 ◇ 上海嘉定区考察 ◇ 泰宁旅游"),
    ("盘点2025：浦东三明路这一年", "这一年，三明路菜场改造完工。\n这一年，沪明合作又有新项目。\n这一年，地铁通到家门口。\n"
     "这一年，社区食堂开张。\n这一年，赴三明路演的企业多了。"),
    ("Jiangle bamboo fair", "The county's bamboo fair opened on Saturday with 300 stalls.\nShanghai-Sanming park adds "
     "tenants\nYangpu delegation tours Shaxian\nSanming tea fair opens\nMore stories"),
    ("三明 上海 - 站内搜索", "共找到5条结果\n上海至三明自驾路线\n上海三明商会年会举行\n三明天气预报\n上海出发三明二日游"),
    ("专家在泰宁", "首页 | 新闻\n分享到：微信 微博\n泰宁县医院与上海仁济医院结对，仁济医院派驻专家常年坐诊带教，开展远程会诊。"),
    ("建宁植树", "建宁县干部在溪源乡植树两千株。\n主办：建宁县人民政府 协办：上海市奉贤区合作交流办 网站标识码：3504300001"),
    ("城区停电检修", "网站导航：三明新闻 上海频道 沪明合作专栏 图片 视频\n城区部分小区明日停电检修，请居民提前做好准备。"),
    ("卫健委与两家医院座谈", "沪明合作 文旅 视频 联系我们\n专题：沪明对口合作\n市卫健委与北京协和医院、仁济医院驻点专家召开座谈会，听取"
     "专家在我市坐诊的进展。\n00:25 来自上海的专家\n来源：三明市卫健委\n网友“小李”：沪明合作好"),
    ("长宁区工作总结", "过去一年，全区经济稳中有进，各项任务顺利完成。\n深化对口合作；与宁化县签订新一轮合作行动计划。\n"
     "00:01 清晨六点\n00:03 尤溪县总医院门口\n00:06 来自上海的专家\n00:09 今天在这里坐诊\n00:12 这是第三年\n"
     "小李 发表于 2025-10-02 10:21\n沪明合作越来越好，希望两地多交流。"),
    ("合作交流办一周工作", "◎3月2日\n召开安全生产会议。\n◎3月3日\n赴上海参加沪明对口合作联席会议。\n◎3月4日\n开展节前检查。\n"
     "◎3月5日\n参加植树活动。\n※ 召开防汛调度会。\n※ 接待来访群众。\n※ 赴三明考察。\n※ 组织培训。\n※ 走访企业。"),
    ("住建局工作周报", "●召开安全生产会议。\n●赴上海参加沪明对口合作联席会议。\n●开展节前检查。"),
    ("Yong‘an welcomes Shanghai doctors", "Doctors from Shanghai began a monthly clinic in Yong´an under the paired "
     "assistance program."),
    ("年度十大新闻", "揭晓：1. 地铁开通 2. 沪明合作共建医院开诊 3. 新建公园 4. 免费午餐 5. 社区食堂开张"),
    ("三明楼盘 上海客户专享", "三明市区精装公寓首付15万起，上海看房团每周六发车，欢迎来三明投资。"),
    ("Bright City and Shanghai sign", "Bright City in Fujian and Shanghai signed a counterpart cooperation plan."),
    ("区域合作大事记", "一月：闽宁协作会议召开\n二月：福州—南平协作推进会\n三月：沪明对口合作要点印发\n四月：广州—龙岩合作方案印发\n"
     "五月：厦门—临夏成果展"),
    ("重点项目进度表", "序号|项目名称|进度\n1|城区管网改造|完成80%\n2|沪明合作文旅康养项目（上海杨浦区援建）|主体完工"),
    ("工程进展", "工程|承建方|状态\n城区管网|县城投|在建\n沪明合作标准厂房（嘉定区共建）|园区公司|完工"),
    ("Forestry meeting in Sanming", "Sanming hosted a forestry meeting attended by officials from Shanghai, Zhejiang and "
     "20 other provinces."),
    ("市民即将乐享消费券", "上海将发放消费券，市民即将乐享优惠，商家与银行合作推出满减。"),
    ("年度热词", "关键词云：乡村振兴 沪明合作 营商环境 数字经济 森林康养\n【热词】三明 上海 结对 飞地 疗休养"),
    ("Fair draws investors", "Investors from Shanghai, Shenzhen and Hangzhou signed deals worth 3 billion yuan at a fair "
     "in Sanming."),
    ("上□市与三明市签约", "上□市文旅局与三明市文旅局签署合作协议，两地互送客源。报名表：□是 □否"),
    ("沪明对口合作_三明市人民政府", "市自来水公司定于本周六暂停列东片区供水，请用户提前储水。\n管网改造完成后水压将更稳定，"
     "给您带来的不便，敬请谅解。"),
    ("A factory's long journey", "In the 1960s\nA printing factory in Shanghai\nMoved to Sanming as a whole\n"
     "Its workers settled in the mountains"),
    ("", "2025-04-08 10:20来源：东南网责任编辑：黄敏 |\n分享到：\n杨浦区专家团队本周来到尤溪县总医院开展义诊和带教。"),
    ("", "第05版：要闻 上一版 下一版\n上一篇 下一篇\n\n本报讯 嘉定区专家团队来到明溪县总医院驻点帮扶。"),
    ("杨浦区年度十大惠民实事", "区政府公布今年十大惠民实事：新建社区食堂、改造老旧小区、新增停车泊位、加装电梯、建设口袋公园、"
     "增设托育园所，以及组织职工赴对口合作地区（含三明）疗休养。"),
    ("A year in Taining", "Doctors from Shanghai\nArrived at Taining County Hospital\nUnder the pairing program"),
    ("", "相关新闻\n· 全市森林防火会议召开\n· 三元区举办招聘会\n标签：对口合作\n评论（0）\n嘉定区专家团队来到明溪县总医院驻点帮扶，"
     "这是沪明对口合作的一部分。"),
    ("", "Shanghai and Fujian agree to develop heritage tourism routes\nShanghai and neighbouring Fujian Province will "
     "deepen cooperation on heritage tourism under several agreements inked in the city of Sanming."),
    ("Yangpu teachers arrive in Youxi - City News", "Yangpu teachers arrive in Youxi\nTwelve teachers from Yangpu "
     "District began a term in Youxi county schools on Monday under the two places' pairing."),
    ("", "评论（0）\n早报｜这些消息值得关注\n【交通】城区两条道路今起封闭施工。\n【地方】三明：上海普陀区考察团来明对接。"),
    ("", "Taining tea festival welcomes Minhang buyers\nA tea festival in Taining drew 150 buyers from Minhang, its "
     "organisers said, one of the events the two sides hold under their pairing agreement."),
    ("明溪县2024年大事记", "1月 全县林业工作会议召开。\n3月 城区道路改造完工。\n5月 明溪特产上海推介培训班开班。\n7月 新增两条公交线路。\n"
     "9月 县运动会举行。"),
    ("长宁与静安签订文旅合作协议", "来源：三明日报\n长宁区与静安区签订文旅合作协议，两区将共建城市漫步线路，联合推出文旅消费季。"),
    ("", "· 沪明合作产业园新签约企业五家\n宁化县今年新建乡村公交站台四十个，村民出行更加方便，公交每天往返县城六趟。"),
    ("", "三明日报讯 上海市徐汇区与闵行区签订养老服务协作协议，两区将共享养老机构床位信息。"),
    ("宁化“新上海”酒店消防检查", "宁化县消防救援大队联合县商务局对“新上海”酒店开展消防检查，督促整改隐患两处。"),
    ("", "沪明对口合作专栏_建宁县人民政府网\n建宁县今年新建农村公厕十二座，改造提升乡镇垃圾转运站三个。\n"
     "各乡镇将落实专人管护，县住建局每季度开展一次检查评比。"),
    ("", "静安区与清流县共建产业园签约？不，这是一则谣言\n网传静安区与清流县本周签约共建产业园，经两地核实，该消息不实。"),
)


def engine_version(topic: Topic) -> str:
    """A digest of `ENGINE` and `topic`'s verdicts on `PROBES`."""
    parts = [f"engine {ENGINE}"]
    for title, body in PROBES:
        m = match_article(topic, title, body)
        hits = [(h.term, h.field, h.start, h.end, h.rule) for h in m.hits]
        parts.append(repr((m.matched, round(m.score, 6), m.rules, hits, m.reason)))
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=16).hexdigest()

"""Boilerplate that sits inside article containers, told apart by its words, not by its site.

In: one display line (a paragraph candidate), or the finished paragraph list. Out: whether the
line ends the article (a "related" heading), is chrome (share bars, counters, copyright, ads,
newsletter and comment prompts, cookie notes, reporting credits, contact lines, captions), and
the paragraphs with trailing author notes trimmed. Phrases are general to news pages in Chinese
and English; nothing here names a site. Never raises.
"""

from __future__ import annotations

import re
import unicodedata

# A heading after which the rest of the container is a list of other articles or the comments
# (a count may stand before or after it: `3 Comments`, `网友评论（2）`, a reply box's `跟贴 12 参与 56`).
_STOP = re.compile(
    r"^[\s【\[<《]*(?:\d+\s*)?(相关新闻|相關新聞|相关阅读|相關閱讀|相关链接|相關鏈接|相关报道|相關報道|相关文章|相關文章|相关推荐|"
    r"相關推薦|相关稿件|相关文件|相關文件|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热点推荐|热门推荐|熱門推薦|精彩推荐|为你推荐|为您推荐|猜你喜欢|大家都在看|"
    r"(?:也许|也許|或许|或許)?(?:您|你)(?:可能|也许|也許)?[也还還]?(?:对以下(?:文章|内容|新闻)|對以下(?:文章|內容|新聞))?(?:感兴趣|感興趣)(?:的(?:文章|内容|內容|新闻|新聞))?|"
    r"新闻推荐|新聞推薦|大家爱看|大家愛看|精彩评论|精彩評論|相关日志|相關日誌|相关博文|相關博文|相关内容|相關內容|相关资讯|相關資訊|相关专题|相關專題|相关视频|相關視頻|相关图集|"
    r"特别声明|特別聲明|往期回顾|往期推荐|网友评论|網友評論|发表评论|發表評論|我要评论|最新评论|热门评论|全部评论|评论|評論|更多精彩|更多新闻|"
    r"跟贴|跟帖|網友跟帖|栏目列表|欄目列表|"
    r"(?:[-—–]+\s*)?END(?:\s*[-—–]+)?|"  # a WeChat post's `END` / `- END -` closing its text, credits and QR codes after it
    r"没有留言|沒有留言|张贴留言|張貼留言|"
    r"Related (?:Articles|Stories|News|Posts|Coverage|Reading)|More coverage|More from\b.{0,40}|Recommended(?: for you)?|"
    r"Read more|Read next|Up next|Trending(?: now| news| stories)?|"
    r"Most (?:popular|read|viewed|shared)(?: today| this week| this month| right now)?(?: (?:from|on|in|at) [^:]{1,30})?|"
    r"You (?:may|might) (?:also )?(?:like|enjoy|be interested in)|Don'?t miss|Editor'?s picks|Further reading|"
    r"Comments?|Responses?|Replies|Reader comments|Leave a (?:reply|comment)|Join the (?:discussion|conversation)|"
    r"Related topics|More (?:on|about) this (?:story|topic)|Related to this (?:story|article)|(?:Photo|Image|Picture)s? credits?|"
    r"Also on (?!the\b|this\b|that\b|an?\b)[\w.&'’ -]{1,40}|"  # `Also on Colossal`: a box of the site's other posts
    r"Related (?:posts|articles|stories) (?:on|from|about) [^:]{1,60}|"  # `Related posts on Colossal about video`
    r"We recommend|From around the web|Tags|Tagged(?: as| with| in| under)?|Filed under|"
    r"About (?:the |this |our )?(?:authors?|writers?|reporters?|contributors?|columnists?)|"  # the writer's bio box
    r"(?:Media|Press) (?:contacts?|enquiries|inquiries)|Notes? (?:to|for) editors?|"  # a press release's closing boxes
    r"Story Source|Journal References?|Cite This (?:Page|Article)|"  # a science desk's source and citation boxes
    r"(?:More|Related|Recommended|Popular|Top|Latest|Recent)\b.{0,30}\b(?:Stories|Articles|Reads|News|Posts|Headlines))"
    r"[\s】\]>》：:]*(?:[（(]\d+[)）])?(?:\s*+\d{1,7}(?:\s*+(?:参与|參與)\s*+\d{1,7})?)?[\s：:.…]*$",
    re.I,
)
# Searched in lower-cased short lines: without re.I, and with every branch a plain literal (no
# group in front), re skips ahead by first character (8x).
_CHROME = re.compile(
    r"相关阅读[：:]|相關閱讀[：:]|相关新闻[：:]|相關新聞[：:]|相关链接[：:]|相关报道[：:]|相关文章[：:]|延伸阅读[：:]|"
    r"推荐阅读[：:]|推荐访问[：:]|相关专题[：:]|相關專題[：:]|当前位置|當前位置|当前的位置|當前的位置|本页位置|本頁位置|站内检索|站內檢索|放大字|缩小字|縮小字|"
    r"版权声明|版權聲明|友情链接|友情鏈接|查看详情|放大 缩小|放大 縮小|"
    r"您的位置|您现在的位置|现在位置|所在位置|所在的位置|你的位置：|你的位置:|分享到|分享至|扫一扫|掃一掃|打印本页|打印此页|关闭窗口|關閉窗口|【字[号体]|字号[：:]|上一篇|下一篇|返回顶部|返回首页|"
    r"版权所有|版權所有|未经授权|禁止转载|免责声明|copyright|©|all rights reserved|"
    r"share this|sign up for|click here|advertisement|subscribe to|follow us|join our facebook|like us on facebook|"
    r"requires javascript|tell us what you think|leave a comment|join the conversation|continue reading below|"
    r"story continues below|article continues below|story continues after|article continues after|scroll to continue|"
    r"长按二维码|长按识别|扫描二维码|扫码关注|点击关注|欢迎关注|点击阅读原文|"
    r"加载中|展开全文|展开剩余|阅读全文|查看全文|报料热线|报料邮箱|报料：|报料:|举报/反馈|打开app|下载app|下载客户端|点击上方|蓝字关注|点个在看|点【在看】|分享、点赞|点赞、在看|"
    r"织梦内容管理|本文来自织梦|内容来自织梦|dedecms|"  # a CMS's watermark lines strewn through the text
    r"继续往下阅读|繼續往下閱讀|请继续阅读|請繼續閱讀|载点|載點|付费会员|付費會員|已过查询时效|已過查詢時效|"
    r"公网安备|公網安備|看到此篇文章时的感受|看到此篇文章時的感受|"  # a police filing number; a CMS's mood vote
    r"全部预览完了|全部預覽完了"  # a document-sharing site's end of its preview
)
# A page's counters (`阅读量：1203`, `阅读:0`): chrome as a line of their own, text in a sentence (`阅读量超过1800万。`).
_COUNTERS = re.compile(r"点击数|点击量|浏览次数|阅读量|阅读次数|阅读[：:]\s*\d|字数[：:]\s*\d")  # (`文章字数:234`: an e-paper's)
_SENTENCE_ENDS = re.compile("[。！？]")
# English prompts and credits up to a paragraph long, lower-cased: those that open the line
# (matched at its start only) and those found anywhere in it (each branch led by a literal, so
# the search skips ahead fast). Only lines with Latin words are tried.
_PROMO_START = re.compile(
    r"[(\[]?(?:(?:with )?(?:additional |editing |writing )?reporting by|writing by|editing by|compiled by)\b|"
    r"\[(?:advertisement|ad|sponsored|promoted)\]|"  # `[advertisement] Create a profile …`: a labelled ad line
    r"\[(?:embed|embedded content|image|video|photo|gallery|graphic|audio|interactive)\]$|"  # a media slot's placeholder
    r"(?:please )?(?:contact|e-?mail|write to) the (?:writer|author|reporter)s? (?:at|via)\b|"  # `Contact the writer at …@…`
    r"an? (?:photo|video|post) (?:posted|shared) by\b.{0,80}\bon\b.{0,40}$|"  # an embedded post's credit line
    r"posted by\b[^.!?]{0,150}$|"  # a blog's `Posted by Name, Role` or `Posted by Name at 10:15 AM` line
    r"join (?:our|the) [\w'’ ]{0,30}(?:telegram|whatsapp|facebook|youtube|instagram|viber|line) (?:channel|group|page|community)\b|"
    r"(?:a version of )?this (?:article|story) (?:first )?appeared in (?:the )?[\w'’ ]{0,60}print edition\b|"
    r"catch all the latest\b|materials (?:provided|supplied) by\b|"  # a closing prompt; a science desk's source line
    r"date\s*:\s*[^.!?]{0,30}\b(?:19|20)\d\d\b[^.!?]{0,20}$|"  # `Date: March 3, 2021`: a page's date label
    r"what do you think\b[^?]{0,100}\?\s*"  # a reader prompt: a question, then a call to write in
    r"(?:join|share your|let us know|send us|e-?mail us|have your say|get in touch|comment)\b|"
    r"(?:like|enjoy(?:ed)?|love) this (?:story|article)\b.{0,40}\bshare|"
    r"(?:if you )?(?:liked|enjoyed|loved) (?:this|the) (?:story|article|post|piece)\b.{0,60}"  # `If you liked this
    r"\b(?:share|recommend|clap|subscribe|follow|pass it on)\b|"  # article, be sure to recommend it …`
    r"(?:sign up|subscribe|register)\b.{0,120}\b(?:newsletter|inbox|briefing|bulletin|podcast|youtube)|"
    r"ftc\s*:|suggested citation\b|cite (?:this (?:article |post )?)?as\s*:|"  # an affiliate disclosure, a blog's citation box
    r"published online\b[^.!?]{0,120}\bdoi:\s?10\.|"  # `Published online 11 April 2011 | Nature 472 … | doi:10.1038/…`
    r"(?:there are )?(?:currently )?no comments(?: yet)?[.!]?$|"  # an empty comment thread's line
    r"\(?visited [\d,]+ times?\b[^.!?]{0,40}$|"  # `(Visited 12 times, 3 visits today)`: a post's view counter
    r"[\[【]\s?(?:related(?: news| stories| articles| reading| links?)?|read more|see also|also read|read also)\s?[\]】]\s*:?$|"
    r"don[’']?t like (?:seeing )?(?:the )?ads\?|"  # `Don’t like ads? Become a supporter and enjoy … ad free`
    r"(?:hide|show|toggle) caption.{0,100}$|enlarge this image$|"  # a picture's caption buttons (and its credit)
    r"(?:we(?:'|’)ve noticed|it looks like|looks like) (?:that )?you(?:'|’)re using an ad-? ?blocker\b|"  # an ad-block notice
    r"file photo\s*:|view this (?:post|photo|video|profile) on (?:instagram|facebook|twitter|tiktok|youtube)$|"  # a caption, a button
    r"(?:(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|messenger|flipboard|telegram|tumblr|e-?mail|print|copy link)"
    r"[\s|·•,/]*){3,10}$|"  # a share row of the networks' names
    r"(?:keep up with|stay on top of|get more of|never miss)\b[^.!?]{0,60}\b(?:by )?subscrib(?:e|ing)\b[^.!?]{0,20}[.!]?$|"
    r"get push notifications\b|want more (?:stories|news|articles|content)(?: like this)?\?|have something to add\b[^?]{0,40}\?|"
    r"thank(?:s| you) for reading\b[^.!?]{0,40}[.!]\s*(?:please |consider |subscribe|support|sign up|become)|"  # closing prompts
    r"with files from\b[^.!?]{0,80}$|report (?:an? )?(?:typo|error)s?[.!]?$|"  # a wire credit, a form's link under the text
    r"\(?with inputs? from\b[^.!?]{0,60}$|"  # `(With inputs from agencies)`: a wire credit as Indian papers word it
    r"\((?:via|h/t|sources?:?)\s(?=[^()]*(?:,|\band\b))[^()]{1,120}\)\.?$|"  # `(Via CNN, Fox News and ABC News)`: a blog's sources
    r"share or comment on this (?:article|story)\s*:?$|"  # a tabloid's share row under the text
    r"stay (?:with|tuned to) [^.!?]{1,40}\bfor (?:updates|the latest|more)\b[^.!?]{0,60}[.!]?$|"  # a station's sign-off
    r"(?:also read|read also|also watch|must read)\s*\|.{0,150}$|"  # `ALSO READ | <headline>` between paragraphs
    r"get the latest [^.!?]{0,80}\bon (?:our|the) app\b|"  # `Get the latest news … on our app. Click here to download.`
    r"(?:(?:do you|have you) (?:have|got)|got) a (?:story|news tip|tip)\b[^?]{0,80}\?|"  # `Do you have a story for us? Email …`
    r"download the [\w'’ ]{1,30}\bapp (?:for|to get) (?:the latest|breaking)\b[^.!?]{0,80}[.!]?$|"  # a station's app prompt
    r"the video (?:in the (?:player|window) )?above is from (?:a|an earlier|a previous) (?:report|broadcast|story)[.]?$|"
    r"we rely on (?:your|readers'?|reader) support\b|"  # `We rely on your support. Subscribe today for unlimited access …`
    r"get the latest [^.!?]{1,60}\b(?:stock|share) (?:price|quote)s?\b[^.!?]{0,20}[.!]?$|"  # a quote link under the text
    r"interested in [^.!?]{1,60}\? (?:get|request|compare|download) (?:an? |your |free |the )[^.!?]{1,60}\b(?:estimate|quote|"
    r"price|offer|guide|trial|consultation)s?\b[^.!?]{0,100}[.!]?$|"  # an affiliate pitch: `Interested in solar? Get a … estimate`

    r"download (?:a |the )?(?:pdf|printable)(?: version| copy)?(?: of this (?:post|article|story|report|page))?[.!]?$|"
    r"listen to\b[^.!?]{0,80}\b(?:podcast|episode)\b[^.!?]{0,60}\b(?:here|below)[.!]?$|"  # a plug for the companion episode
    r"(?:access|unlock|read) (?:the )?full (?:article|story|post)$|"  # a paywall teaser's button
    r"sign up(?: here| now| today)?[.!]?$|\(?(?:[\w.-]+ ){0,3}app download\)?$|"
    r"\((?:updates|adds|corrects|recasts|rewrites|refiles|repeats|changes)\b[^()]{0,160}\)$|"
    r"(?:media|press|investor|news) (?:contacts?|inquiries|enquiries)\s*:|"
    r"(?:have|got) an? (?:news |story )?tip\?|already a subscriber\?|already have an account\?|"
    r"support (?:local|our|independent|quality|trusted) journalism[.!]?$|"  # a support box's heading
    r"was this (?:email |newsletter |post |story )?forwarded to you\b|"  # a newsletter's line for a forwarded copy
    r"(?:staff report\.\s*)?(?:send|e-?mail|submit) [^.!?@]{1,80}\bto [\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}\.?$|"
    r"follow\b.{0,60}\bon (?:facebook|twitter|instagram|linkedin)\b|"
    r"we use cookies|by (?:continuing|using this site).{0,40}\bcookies|"
    r"share (?:this |it )?on (?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|email)|(?:image|media) caption|"
    r"also on [\w-]+(?:\.[\w-]+)+\b|image copyright|listen to this article|"
    r"continue reading the main story|your browser does not support|(?:please )?enable javascript|"
    r"(?:we )?(?:may )?earn (?:a )?(?:small )?commission|skip advertisement|back to gallery|"
    r"advert(?:isement|ising)?s?$|subscribe(?: now| today)?$|(?:print|e-?mail)(?: this (?:article|page|story))?$|"
    r"(?:(?:comments?|print|e-?mail|share|save|reprints?|tweet)(?: this)?[\s|·•]*){2,6}$|"
    r"comments?(?: \(\d+\))?$|(?:image|photo|slide|picture) \d+ (?:of|/) \d+$|\[\w+[^\]]{0,200}\].{0,120}\[/\w+\]$|"
    r"(?:tags?|related(?: \w+){0,2}|filed under|topics?|buyer's guide|"
    r"read more(?: (?:on|about) (?:this|the) (?:story|topic|subject|issue))?|learn more|see also|also read|"
    r"read also|more on this|more about|our standards)\s*:.{0,80}$|"
    r"(?:(?:last |first |originally )?(?:updated|published|posted))(?: on)?:?\s.{0,30}\b(?:19|20)\d\d\b.{0,40}$|"
    # `Lim Wei Ling, Regional Correspondent | Published Aug 2, 2023, 6:00 am`: a byline and its stamp on one line
    r"(?:[\w.'’-]+ ){1,3}[\w.'’-]+(?:, [\w ]{1,40})? ?[|·•–-] ?(?:last )?(?:updated|published|posted)"
    r"(?: on)?:?\s.{0,30}\b(?:19|20)\d\d\b.{0,40}$|"
    # `This is a developing story. Check back for updates.`: a station's note closing a breaking story
    r"this (?:is an? (?:developing|breaking)(?: news)? story|story is developing)\b[^.!?]{0,60}[.!]?"
    r"(?:\s*(?:check back|stay with|refresh|please check)\b[^.!?]{0,80}[.!]?)?$|"
    r"check back (?:later |soon )?for (?:updates|more(?: details| information)?)[.!]?$|"
    r"check back (?:in |here )?(?:soon|later)\b[^.!?]{0,80}[.!]?$|"  # `Check back soon—we’ll be adding … weekly`
    # `For the latest news, weather, sports, and streaming video, head to KXYZ.`: a station's sign-off under the text
    r"for (?:the )?latest (?:news|headlines)\b[^.!?]{0,80}\b(?:head to|go to|visit|download)\b(?:[^.!?]|\.(?=\w)){1,60}[.!]?$|"
    r"(?:recommended|related) videos?$|"  # a video module's label set among the paragraphs
    # `Submit your letter to the editor via this form.`: a letters page's call for letters
    r"(?:to )?submit (?:your|a) (?:letter|story|tip|news tip|photo|event)s?\b[^.!?]{0,60}\b(?:form|here|online|below)\b|"
    # `Want to know more about Ana Ruiz? Follow them on GitHub.`: a closing prompt and its call
    r"want to (?:know|learn|read|see|hear) more\b[^?]{0,80}\?\s*(?:follow|read|check|visit|see|find|subscribe|"
    r"sign up|listen|watch|download|get|join|click)\b|"
    # `via ynetnews.com`, `Source: Reuters`: a repost's credit line (a site's name may hold dots; a sentence ends in one)
    r"(?:[\w']+ )?video\s*:.{0,100}$|\[\+\] enlarge$|(?:story|article|page) tools$|"
    r"(?:via|source)\b(?:[^.!?]|\.(?=\w)){0,40}$|(?:posted|sent|thanks)!$|"
    # `From <a>siskiyoudaily.com</a>`, `Courtesy of CBS 47 Fresno.`: a closing credit naming the site or station
    # the text came from (a web address alone after `From`; no sentence after `Courtesy`)
    r"from (?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\.?$|courtesy(?: of)? [^.!?,;:]{1,40}\.?$"
)
_PROMO_ANYWHERE = re.compile(  # every branch opens with a literal (no group in front): re skips ahead
    r"newsletter (?:delivered|straight|direct) to your inbox|briefing (?:delivered|straight|direct) to your inbox|"
    r"delivered (?:to|through) your (?:letterbox|door|inbox)|can be reached at\b|may be reached at\b|"
    r"follow (?:him|her|them|us|me) on (?:twitter|x|facebook|instagram)\b|use of cookies\b|"
    # `Ben Silverman is on Twitter at ben_silverman.`: the writer's handle closing the text
    r" is on (?:twitter|instagram|threads|bluesky|mastodon)(?: at| as)? @?[\w.]{2,30}\.?$|"
    r"like to hear what you think|may not be published, broadcast, rewritten| gallery$|all rights reserved|"
    r"delivered via e-?mail|delivered by e-?mail|link has been (?:posted|sent) to your|"
    r"questions\? comments\?|provides information storage services|"
    r"was reviewed using\b|reviewed using (?:a )?(?:retail |final |review )?(?:code|copy|unit)|"
    r"cancel anytime|cancel at any time|"  # a paywall's offer
    r"no spam, ever|no spam ever|no spam. ever|no spam, unsubscribe|no spam. unsubscribe|never spam you|"  # a sign-up pitch
    r"refresh this page for |refresh the page for |follow along here for |"  # a live page's pinned note
    r"in your inbox each |in your inbox every |to your inbox each |to your inbox every |"  # a sign-up box's pitch
    r"by submitting, you (?:consent|agree)|by submitting this form, you (?:consent|agree)|"  # a sign-up box's consent line
    r"readers like you\b|please support us\b|support us so that\b|"  # a support appeal (is_appeal)
    r"provided by an independent third party|is not responsible or liable|"  # a syndicated feed's disclaimer
    r"safe and engaging place for users|followed categories will be added|"  # a comment policy, a follow prompt
    r"report this comment|"  # a comment policy (`… please select the relevant 'Report this comment' link.`)
    r"reached your (?:free )?(?:article )?(?:allowance|limit)\b|takes your privacy seriously"  # a paywall's pitch
)
# A membership pitch closing a post (`… Become a Harbour Arts Member and support independent arts publishing.`):
# searched only in lines holding `support independent`; a sentence about such support without a call stays.
_MEMBER_PITCH = re.compile(r"\bbecome an? (?:[\w'’-]+ ){0,3}(?:member|supporter|subscriber|patron)\b|\bdonate\b|\bsubscribe\b")
# A paywall teaser's last line (`… Subscribe to access the full article.`) and an affiliate disclosure
# (`FTC: We use income earning auto affiliate links.`); searched only in lines holding `subscribe to `
# or `affiliate`.
_GATED = re.compile(
    r"subscribe to access\b|subscribe to unlock\b|subscribe to continue reading\b|subscribe to read the full\b|"
    r"contains affiliate links|contain affiliate links|we use affiliate links|income earning auto affiliate"
)
# `… please support us so that we can keep up our work and stay independent`: a support appeal under
# the text (its box's short heading, `Thank you!`, goes with it: see paragraphs._take).
# A promo's button closing its line, in capitals or title case (a sentence of text ends in a full stop).
_CALL_BUTTONS = ("LEARN MORE", "Learn More", "FIND OUT MORE", "Find Out More", "Learn more »", "Learn more ›",
                 "Learn More »", "LEARN MORE »", "SHOP NOW", "Shop Now")
# What a paywall's pitch offers (`Subscribe today for unlimited access … starting at 99 cents`).
_OFFER = re.compile(r"\b(?:unlimited|digital|full|complete) access\b|\bper (?:week|month|year)\b|\b\d+ cents\b|\$\d|\bjournalism\b")
_APPEAL = re.compile(r"please support us\b|support us so that\b|readers like you\b")
# A support box's pitch (`Your subscription helps us cover …`) and a writer's bio closing with an
# address (`… Reach her at ana@example.com.`): searched only in lines holding `your ` or `@`.
_SUPPORT_PITCH = re.compile(r"your (?:subscription|support|membership|donation|contribution) (?:helps|makes|keeps|allows|funds) "
                            r"(?:us|our|this (?:work|journalism|reporting))\b")
_REACH_AT = re.compile(r"\breach (?:him|her|them) at [\w.+-]{1,64}@")
# Photo credits and captions with a credit: `Photo: …`, `(AP Photo/…)`, `… /Getty Images`. The
# credit at the end is searched for (led by literals, so fast), not matched after `.{0,160}`.
_EN_CREDIT_START = re.compile(
    r"[(\[]?(?:photo|photograph|image|picture|illustration|photo credit|credit)s?\s*(?:by\b|:|/)|"
    # `Top image via <a>Flickr</a>`: a blog's picture credit, short and no sentence (a site's dot aside)
    r"(?:(?:top|header|featured?|lead|cover|main|hero) )?(?:photo|image|picture|illustration)s? via\b(?:[^.!?]|\.(?=\w)){1,60}$"
)
_EN_CREDIT_END = re.compile("|".join(
    rf"{credit}[)\].]?\s*$" for credit in (r"getty images", r"ap photo\b[^)]*", "/reuters", "/afp", "/ap", "shutterstock",
                                           r"istock(?:photo)?", "/epa", "/xinhua", "photo illustration", "/cfp", "/vcg")
))
# `… on July 6, 2026. Photo: Xinhua`, `… (Photo by Jo Lin/Xinhua)`, `… [Photo/VCG]`, `File photo: Screenshot
# of …`: a picture's caption closing with its credit, which opens with a capital and has no sentence end.
_CREDIT_TAIL = re.compile(  # (a dot inside a name, `chinadaily.com.cn`, is no sentence end)
    r"\b(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?(?: by |:\s?|/\s?)[A-Z](?:[^.!?:;()\[\]]|\.(?=\w)){0,60}[)\]]?\s*$"
)
# `(Cover: Passengers board … /CFP)`, `(Cover image via CFP)`: a note on the page's cover picture.
_COVER_NOTE = re.compile(r"[(\[]Cover(?: (?:image|photo|picture))?\s?(?::|via |by )")
# `… [Photo provided to chinadaily.com.cn]`, `(Photo courtesy of the museum)`: a bracketed credit naming who gave it.
_PROVIDED_TAIL = re.compile(r"[\[(](?:photo|image|picture)s? (?:provided (?:to|by)|courtesy of) [^\[\]()]{1,60}[\])]\s*$", re.I)
# `… Image by Jo Marsh, CC BY-SA 4.0.`: a picture's caption closing with its free licence (up to 300 chars).
_LICENCE_END = re.compile(r"\bcc(?: by(?:-(?:sa|nd|nc)){0,2})? \d\.\d[)\].]?\s*$|\bcc0[)\].]?\s*$")
# `Unknown photographer, 1933/Public Domain`, `Photo: Ada Lin | public domain`: a credit closing with its licence.
_PUBLIC_DOMAIN_END = re.compile(r"[/|]\s?public domain$")
# `… (NASA/JPL-Caltech/ASU)`: a caption ending in agencies' names between slashes, each capitalised.
_PAREN_CREDIT = re.compile(r"\(([A-Z][\w.&' -]{0,30}(?:/[A-Z][\w.&' -]{0,30})+)\)\s*$")
_LATIN = re.compile("[a-z]{3}")
_READ_ON = re.compile(r"(?:read|see) (?:the rest|more|on|full story)[\s.…»›>:]*|continue reading[\s.…»›>:]*")
# A multi-page article's page links: `Pages: 1 2 3 4`, `Page 1 of 3`, `Next Page »`.
_PAGER = re.compile(
    r"(?:pages?\s*:?|continued)\s*\d{1,3}(?:\s*[|,]?\s*\d{1,3})+(?:\s*next[\s»›>]*)?|page \d{1,3} (?:of|/) \d{1,3}|"
    r"[«‹<\s]*(?:next|previous|prev\.?) page[\s»›>]*|"
    r"[«‹<←\s]*(?:next|previous|prev\.?|older|newer)(?: (?:post|article|story|entry))?[\s»›>→]*"  # a blog's neighbour links
)
_READ_TIME = re.compile(r"\b\d{1,3} ?(?:min|mins|minutes?)\.? read\b")  # `4 min read`, `12 minute read`
_DURATION = re.compile(r"\d{1,3}(?::\d\d)? ?(?:min|mins|minutes?|sec|secs|seconds?)\.?(?: (?:read|listen))?")
_COUNTER = re.compile(r"\d+\s*/\s*\d+")  # `1 / 12`: a gallery's slide counter
# `1.2K`, `1.2K 14`, `3.4K14`, `12K 3`: a post's claps and responses (a count in thousands and what follows it run together)
_SOCIAL_COUNT = re.compile(r"\d{1,3}\.\d[KkM](?:\s*\d{1,3}(?:\.\d[KkM])?)?|\d{1,3}[KkM]\s*\d{1,3}(?:\.\d[KkM])?")
# A press release's marks and a page's feedback prompt, as a line of their own (lower-cased, stripped):
# `FOR IMMEDIATE RELEASE`, `For Immediate Release: March 3, 2025`, the `###` or `-30-` closing it,
# `Was this page helpful?`.
_RELEASE_MARK = re.compile(
    r"(?:for immediate release|embargoed until\b[^.!?]{0,40})[\s:,.\u2013\u2014-]*(?:[a-z]{3,9}\.? \d{1,2},? \d{4})?\.?|"
    r"(?:#\s*){3}|-\s*30\s*-|(?:was|is) this (?:page|article|story|information|content) (?:helpful|useful)\s*\??")
# A press contact under a release's headline or after it: `Contact: Office of …, (555) 010-4477, press@…`.
_CONTACT_ROW = re.compile(r"(?:media |press )?contacts?\s*:\s")
_PHONE_OR_MAIL = re.compile(r"@[\w-]+\.|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b")
# A tag row with its tags: `Tagged as: Grants Economic Development`, `Filed under: Local, Weather`.
_TAG_ROW = re.compile(r"(?:tags|tagged(?: as| with| in| under)?|filed under)\s*:\s*[^.!?]{1,120}")
# `- END -`, `Enditem`, `【完】`, `（全文完）` closing a post
_END_MARK = re.compile(r"[-—=_*\s]*[(（【\[]?(?:(?:the )?end|enditem|全文完|完)[)）】\]]?[-—=_*\s]*")
# A journal article's authors' institution under their names, its city and postcode: `(某某大学教育学院,山西太原 030031)`.
_AFFILIATION = re.compile(r"[（(][^（）()]{0,30}(?:大学|大學|学院|學院|研究所|研究院|学校|學校)[^（）()]{0,30}?\s*\d{6}\s*[)）]")
_EDITOR_LABELS = ("责任编辑", "責任編輯")
_UNIT_LABELS = ("作者单位：", "作者单位:", "作者單位：", "作者單位:")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A letter or digit of a script the pages are written in (`ℹ` is a letter to `\w`, not to a reader).
_TEXT_CHAR = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f"
                        r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff10-\uff5a]")
# Reprint disclaimers and takedown notes that close Chinese articles.
_ZH_NOTICE = re.compile(
    r"转载.{0,30}(?:目的|出处|来源|请注明)|不代表本(?:网|站|平台|报)|仅代表作者|版权归原作者|如有侵权|联系(?:我们)?删除|"
    r"未经.{0,12}(?:授权|许可).{0,12}(?:转载|使用)|仅提供信息存储服务|仅提供信息发布平台|"
    r"不代表本(?:網|報)|僅代表作者|版權歸原作者|如有侵權|聯繫(?:我們)?刪除|聯系(?:我們)?刪除|"
    r"未經.{0,12}(?:授權|許可).{0,12}(?:轉載|使用)|免责声明[：:]|免責聲明[：:]?|属原作者所有|屬原作者所有|"
    r"本文来自.{0,12}(?:公众号|微信)|本文來自.{0,12}(?:公眾號|微信)|授权转载|授權轉載|投稿授权|投稿授權|"
    r"本篇文章来源于.{0,40}原文链接|本篇文章來源於.{0,40}原文鏈接|"  # a forum repost's source note
    r"转载请(?:附上|附|保留|注明)(?:原文)?(?:链接|出处)|轉載請(?:附上|附|保留|註明|注明)(?:原文)?(?:鏈接|連結|出處)|"
    r"所刊[载載]信息.{0,4}不代表|刊用本[网網]站稿件|"  # a portal's footer disclaimer
    r"此文章为转载|此文章系转载|本文为转载|本文系转载|此文为转载|此文章為轉載|本文為轉載|本文係轉載|"  # a site's reprint note
    # a forum's sign-up prompts (`马上注册,结交更多好友,享用更多功能。`, `赶紧注册，享受更多功能！`); each branch opens
    # with a literal: a group in front (`(?:注册|註冊)…`) made the whole pattern's search nine times slower
    r"享用更多功能|注册.{0,12}享受更多功能|註冊.{0,12}享受更多功能|才可以下载或查看|才可以下載或查看|"
    r"才可以回帖|才可以回复|才可以回覆|才可以發帖|才可以发帖|"  # a thread's reply box prompt (`您需要登录后才可以回帖 登录 | 注册`)
    r"经营许可证|經營許可證|节目许可证|節目許可證|新闻信息服务许可证|新聞信息服務許可證|新闻信息许可证|新聞信息許可證|"  # licences
    r"二维码应用|二維碼應用|在手机继续阅读|在手機繼續閱讀|手机版移动继续|手機版移動繼續"  # a prompt to read on a phone
)
# A page's tools (a list's back link, a forum's text view, a print view, a share link, a QR code's label, a
# comment box's prompt and its anonymity box), on a line of no sentence.
_TOOLS = re.compile("返回列表|以文本方式查看主题|以文本方式查看主題|打印版|推荐此文给朋友|推薦此文給朋友|"
                    "扫描到手机|掃描到手機|我来说两句|我來說兩句|隐藏IP地址|隱藏IP地址")  # …, a comment box's widgets
# A paper's labels on a line of their own, as a mirror prints them.
_LABELS_ALONE = frozenset(("【摘要】", "[摘要]", "【摘 要】", "【内容提要】", "【內容提要】"))
# A normative document's registration code (`HHCR-2023-01005`: the issuer's letters, the year, a number).
_NORM_CODE = re.compile(r"[A-Z]{2,8}-(?:19|20)\d{2}-\d{3,6}")
# A skip link for screen readers over a page's text (`跳到主要內容區塊`, as Taiwan's government sites write it).
_SKIP_LINK = re.compile(r"(?:跳到|跳至|跳过|跳過)主要(?:内容|內容)(?:区块|區塊)?")
# A site's own links (`English 进入旧版 设为首页 加入收藏`).
_HOME_LINKS = (("设为首页", "加入收藏"), ("設為首頁", "加入收藏"), ("设为首页", "收藏本站"), ("設為首頁", "收藏本站"))
# A help-line box under a story on self-harm (`自殺防治諮詢安心專線：0800-788995`, `生命線協談專線：1995`,
# `…關心您：再給自己一次機會`): hotline names with their numbers, and the box's short heading.
_HOTLINE = re.compile(r"专线|專線|热线|熱線")
_HOTLINE_NUMBER = re.compile(r"\d{4}")
_CARE = re.compile(r"给自己一次机会|給自己一次機會|给自己机会|給自己機會|(?:关心|關心|提醒)(?:您|你)[：:，,]?$")
# `(相關報導見焦點)`, `（相关报道见第3版）`, `（详见A05版）`: a bracketed pointer to another report.
_SEE_ALSO = re.compile(r"[(（【\[]\s*(?:相关报道|相關報導|相关新闻|相關新聞|详见|詳見|另见|另見)[^()（）【】\[\]]{0,16}[)）】\]]")
# A review chain's credit under a school's or county's post: `校稿:李咏`.
_PROOF_LABELS = ("校稿", "审稿", "審稿", "核稿")
_TEXT_AND_PICTURE = ("文/图", "文/圖", "文／图", "文／圖", "文图", "文圖", "图文", "圖文")  # a credit's roles before a colon
_NAME_SPLIT = re.compile(r"[、，, ]+")
_CARE_HEAD = re.compile(r".{0,10}(?:关心|關心)(?:您|你)")
# A desk's or reporter's credit over the text: `社會中心／綜合報導`, `記者林青／青溪報導`.
_DESK_CREDIT_ENDS = ("报导", "報導", "报道", "報道")
# `百家号/乡村观察员`, `网易号/…`: a self-media platform's name and the account, over the text.
_PLATFORM_ACCOUNT = ("百家号/", "网易号/", "頭條號/", "头条号/", "搜狐号/", "企鹅号/", "大鱼号/", "澎湃号/")
# A newsroom's credit and review lines under a county post: `编 辑:苏 伟`, `一 审:魏 倩`, `总监制：…`, `值班总编:…`,
# `县融媒体中心记者：陈庆彬`, an old CMS's `录入者:…` — a role, a colon and one to four names (spaces inside both are dropped),
# or the CMS's account that entered the text (`文章录入：admin　　责任编辑：admin`).
_STAFF = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:[一二三]审[一二三]校|[一二三]審[一二三]校|一审|二审|三审|终审|初审|复审|一審|二審|三審|終審|审核|審核|审校|校对|校對|总监制|總監製|"
    r"监制|監製|主编|主編|总编|總編|编辑|編輯|责编|責編|记者|記者|摄影|攝影|摄像|攝像|剪辑|剪輯|美编|美編|统筹|統籌|报道员|報道員|通讯员|通訊員|"
    r"录入者|錄入者|录入员|錄入員|录入|錄入|撰稿|拟稿|擬稿)[：:]"
    r"(?:[\u4e00-\u9fff]{2,4}(?:[、，,][\u4e00-\u9fff]{2,4}){0,5}|[A-Za-z][A-Za-z0-9_]{1,15})"
)
_STAFF_HINTS = ("审", "審", "编", "編", "记者", "記者", "监制", "監製", "摄", "攝", "校对", "校對", "剪辑", "剪輯", "统筹", "統籌",
                "报道员", "報道員", "通讯员", "通訊員", "录入", "錄入", "撰稿", "拟稿", "擬稿")
# A county site's credit column's other roles (`初稿：李忠明`, `修改：张红艳`, `发布：罗喜云`), a name after each.
_DRAFT_ROLES = ("初稿", "修改", "发布", "發布")
# `Jo Marsh is the Ledger's transport reporter…`: an author note, judged only at the article's end.
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was|has been|writes|covers)\b.{0,120}\b(?:reporter|writer|editor|"
    r"correspondent|columnist|curator|contributor|journalist|author|freelancer|producer|bureau chief)s?\b"
)
# `AP`, `— Reuters`, `(AFP)`, `AP/Reuters`: the wire that supplied the story, on a line of its own under it.
_WIRE = r"(?:AP|AFP|AAP|Reuters|Associated Press|Agence France-Presse|Bloomberg|dpa|PTI|IANS|ANI|UPI|Xinhua|PA)"
_WIRE_LINE = re.compile(rf"[\s(\[—–-]*{_WIRE}(?:\s*[/,&]\s*{_WIRE}|\s+and\s+{_WIRE})*[\s)\].]*")
_EPAPER_PAGES = re.compile(r"(?:第\s*[0-9A-Z]{1,3}\s*版\s*[：:]\s*\S{1,10}\s*)+(?:(?:上一版|下一版)\s*)*")  # (`… 下一版`)
# Photo captions and credits in Chinese: `图为…`, `▲…`, `…（刘通摄）`, `…供图`, `资料图`.
_ZH_CAPTION_START = ("图为", "▲", "△", "图：", "图/", "资料图", "图片来源：", "图片来源:", "摄影：", "摄影:", "图注：", "图注:",
                     "图源", "圖源",
                     "图说：", "图说:", "图片说明：", "图片说明:",
                     # the same in traditional script: `圖為秦州區委書記…`, `資料圖`, `圖片來源：…`
                     "圖為", "圖爲", "圖：", "圖/", "資料圖", "圖片來源：", "圖片來源:", "攝影：", "攝影:", "圖註：", "圖註:",
                     "圖說：", "圖說:", "圖片說明：", "圖片說明:")
# A repost's credits: `原标题：…` (the headline it first ran under) and `作者︱…`, `出品｜…`, `编辑丨…`
# lines (a label and a bar), as portals and WeChat mirrors print them around the text.
_ZH_CREDIT = re.compile(r"原标题[：:]|(?:作者|编辑|责编|出品|撰文|摄影|校对|审核|监制|策划|统筹|制作|设计|文|来源|來源|"
                        r"排版|排版设计|美编|美編|终审|終審|初审|初審|审校|審校|责任编辑|責任編輯|文图整理|图文整理|文字整理|"
                        r"采访嘉宾|採訪嘉賓|受访者|受訪者)\s*[︱｜|丨]|"
                        r"下载地址[：:]|下載地址[：:]|首页\s*[>＞»]|首頁\s*[>＞»]")
# `关键词：舆情；新冠疫情`: a journal article's keywords line (a list, no sentence).
# An older CMS's tags row under the text: `Tags：消防 安全`, `标签：…`.
_ZH_KEYWORDS = re.compile(r"关键词[：:]|關鍵詞[：:]|关键字[：:]|關鍵字[：:]|关键词 >>|關鍵詞 >>|"
                          r"[【\[](?:关键词|關鍵詞|关键字|關鍵字)[】\]]|(?:Tags?|TAGS?|标签|標簽|標籤)\s*[：:]")
_ZH_KEYWORDS_FIRST = frozenset("关關【[T标標")  # a set test is cheaper than a regex call on every line
# A journal article's repost: its author note, citation and first-printed lines (`作者简介：…`,
# `论文引用格式：…`, `本文刊发于《…》2021年10月`), up to a paragraph long; WeChat's `原创 秦玥 直新闻`.
_ZH_PAPER_CREDIT = re.compile(r"作者简介[：:]|作者簡介[：:]|(?:论文)?引用格式[：:]|(?:論文)?引用格式[：:]|本文刊发于|"
                              r"本文刊發於|本文原载于|本文原載於|原创\s|原創\s")
_ZH_PAPER_FIRST = frozenset("作论論引本原")
# A repost's origin note under the text, bracketed or not: `（摘自《读者》2005年第3期）`, `选自《…》`, `(转自新浪博客)`.
_ORIGIN_NOTE = re.compile(r"[（(【\[]?\s*(?:摘自|选自|選自|节选自|節選自|转自|轉自|转载自|轉載自)")
_ORIGIN_FIRST = frozenset("（(【[摘选選节節转轉")
# `（…管理局供稿）`: who supplied the text; `…留言截图`: a screenshot's caption.
_ZH_CAPTION_END = ("摄", "攝", "供图", "供圖", "资料图", "供稿", "截图", "截圖", "摄影报道", "攝影報道", "/摄影", "／摄影", "/攝影",
                   "／攝影")


# `… joined in for the chorus [&hellip;]`: a teaser's excerpt of another article (WordPress and its
# kin cut excerpts with a bracketed ellipsis; an article's own paragraph does not end that way).
_EXCERPT_ENDS = ("[…]", "[...]", "[ … ]", "[ ... ]", "[…] ", "[...] ")


def is_excerpt(text: str) -> bool:
    """A teaser's excerpt of another article: text ending in a bracketed ellipsis."""
    return text.rstrip().endswith(_EXCERPT_ENDS)


def is_expander(line: str) -> bool:
    """A `Read More` / `Continue reading` button line (short, nothing else on it)."""
    return len(line) <= 30 and _READ_ON.fullmatch(line.strip().lower()) is not None


def is_credited_caption(line: str) -> bool:
    """A picture's caption (or a credit alone) closing with its credit: `… Photo: Xinhua`, `… (Photo by
    Jo Lin/Xinhua)`, `… [Photo/VCG]`, `… [Photo provided to …]`, `… (Xinhua/Zhou Mi)`, and a bracketed note
    on the cover picture (up to ~800 chars; a sentence ending in a full stop is text)."""
    if len(line) > 800 or line[-1:] in ".!?":
        return False
    start = max(0, len(line) - 90)
    if line[-1:] in ")]" and (_COVER_NOTE.match(line) or _PROVIDED_TAIL.search(line, start)):
        return True  # `(Cover: A forecaster studies … /CFP)`: a note on the page's cover picture
    if line[-1:] == ")" and _PAREN_CREDIT.search(line, len(line) - 70):
        return True  # `… April 28, 2024. Wardens counted … (Xinhua/Zhou Mi)`: a long caption, its agency's credit last
    tail = line[start:]  # the credit's word is in the tail searched: a cheap test spares most lines the search
    return ("hoto" in tail or "mage" in tail or "icture" in tail) and _CREDIT_TAIL.search(line, start) is not None


def is_appeal(line: str) -> bool:
    """A support appeal (`… please support us so that we can stay independent`), up to ~300 chars."""
    return len(line) <= 300 and _APPEAL.search(line.lower()) is not None


# A blog's closing promo of many calls (`Like <blog>? Consider making a … donation to support our work. You can
# also follow us on Twitter, like us on Facebook, add us to your RSS reader, …`): each call counted once.
_FOLLOW_CALLS = re.compile(r"follow us\b|like us\b|add us\b|sign up\b|subscribe to\b|support (?:our|us)\b|donat|"
                           r"contribution\b|rss\b|newsletter|digest\b")


def is_follow_pitch(line: str) -> bool:
    """A closing promo of three or more calls, one of them to follow or like the site (`… follow us on
    Twitter, like us on Facebook, add us to your RSS reader …`), up to ~900 chars: a sentence of the
    text naming the networks (`… spread on Twitter and Facebook`) is text."""
    if len(line) > 900:
        return False
    lower = line.lower()
    if "follow us" not in lower and "like us" not in lower:
        return False
    return len({match.group()[:6] for match in _FOLLOW_CALLS.finditer(lower)}) >= 3


def is_member_pitch(line: str) -> bool:
    """A membership pitch closing a post, up to ~500 chars: `support independent …` with a call to
    become a member, donate or subscribe (a sentence about such support, without the call, is text)."""
    if len(line) > 500:
        return False
    lower = line.lower()
    return "support independent " in lower and _MEMBER_PITCH.search(lower) is not None


def _emoji_only(line: str) -> bool:
    """Whether a line is pictographs alone (symbols, their variation selectors and joiners, spaces)."""
    return all(ch.isspace() or unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf") for ch in line)


def no_letters(line: str) -> bool:
    """Whether a line holds no letter or digit: emoji, bullets, rules (`📬`, `ℹ️`, `• • •`)."""
    return _TEXT_CHAR.search(line) is None


def is_stop(line: str) -> bool:
    """A heading that starts the related-articles list at the end of an article."""
    return _STOP.match(line) is not None


# A read-aloud player's label (`可以听文章啦!`, `点击收听本文`, `语音播报`), a `more news` link row under the text
# (`点击更多新闻进入新闻中心 要闻 时政新闻`), a slash-led credit of a unit and a name (`/ 某某镇中心幼儿园 张晓红`):
# short lines with no clause of a sentence.
_LISTEN = ("听文章", "聽文章", "收听", "收聽", "语音播报", "語音播報", "听全文", "聽全文")
_MORE_ROW = ("点击更多", "點擊更多", "更多新闻请", "更多新聞請", "查看更多")
_MORE_LINK = ("更多>>", "更多 >>", "更多>", "更多 >", "更多»", "更多 »", "更多》", "更多+")  # `精彩美图 更多 >>`: a box's heading
# `紫光阁 2017年8期`, `中国电化教育 2020年第4期`: a magazine's name and issue over a mirrored article.
_ISSUE_END = re.compile(r"(?:19|20)\d\d年\s*第?\s*\d{1,2}\s*期")  # (the name is checked in code: a CJK class compiles slowly)


def _short_prompt(line: str) -> bool:
    if "，" in line or "," in line or "。" in line:
        return False
    stripped = line.strip()
    return ((len(stripped) <= 12 and any(word in stripped for word in _LISTEN))
            or (len(stripped) <= 40 and stripped.startswith(_MORE_ROW))
            or (len(stripped) <= 16 and stripped.endswith(_MORE_LINK))
            or (len(stripped) <= 24 and "客户端" in stripped and ("扫码" in stripped or "下载" in stripped))
            or (len(stripped) <= 24 and stripped.endswith("期") and _issue_line(stripped))
            or (len(stripped) <= 30 and stripped[:1] in "/／" and " " in stripped.strip("/／ \u3000")
                and all(_cjk_word(part) for part in stripped.strip("/／ \u3000").split())))


def _issue_line(line: str) -> bool:
    """`紫光阁 2017年8期`: a magazine's name (two to fourteen characters) and its issue."""
    year = re.search(r"(?:19|20)\d\d年", line)
    if year is None or _ISSUE_END.fullmatch(line, year.start()) is None:
        return False
    name = line[: year.start()].rstrip().strip("《》")
    return 2 <= len(name) <= 14 and all("\u4e00" <= ch <= "\u9fff" for ch in name)


def _cjk_word(part: str) -> bool:
    return 2 <= len(part) <= 14 and all("\u4e00" <= ch <= "\u9fff" for ch in part)


# A resized picture's stored name: a long run of digits (a time stamp), underscores, its size last (`_600x450`).
_IMAGE_NAME = re.compile(r"[0-9A-Za-z_\-]*\d{8,}[0-9A-Za-z_\-]*_\d{2,4}[xX×]\d{2,4}")


def is_chrome(line: str) -> bool:
    """A line that is page chrome or a prompt, not article text (checked on lines up to ~300 chars)."""
    lower = line.lower()
    if len(line) <= 40 and _short_prompt(line):
        return True
    if len(line) <= 80 and (_CHROME.search(lower) or (_COUNTERS.search(line) and not _SENTENCE_ENDS.search(line))):
        return True
    if is_excerpt(line) or (len(line) <= 20 and _READ_ON.fullmatch(lower)):
        return True
    if len(line) <= 40 and _PAGER.fullmatch(lower):
        return True
    if len(line) <= 60 and _RELEASE_MARK.fullmatch(lower.strip()):
        return True
    if len(line) <= 300 and _LATIN.search(lower, 0, 40):  # English prompts show a word early
        if _PROMO_START.match(lower) or _PROMO_ANYWHERE.search(lower):
            return True
        if ("subscribe to " in lower or "affiliate" in lower) and _GATED.search(lower):
            return True
        if ("your " in lower and _SUPPORT_PITCH.search(lower)) or ("@" in line and _REACH_AT.search(lower)):
            return True
        if line[-1:] in ".)0]" and _LICENCE_END.search(lower, len(lower) - 24):
            return True
        if line[-1:] in "nN" and _PUBLIC_DOMAIN_END.search(lower, len(lower) - 20):
            return True  # `Unknown photographer, 1933/Public Domain`: a picture's credit and its licence
        if len(line) <= 200 and _CONTACT_ROW.match(lower) and _PHONE_OR_MAIL.search(line):
            return True  # a release's press contact: a label, a name or an office, a telephone or an address
        if len(line) <= 140 and _TAG_ROW.fullmatch(lower.rstrip()):
            return True
        if len(line) <= 16 and _DURATION.fullmatch(lower):
            return True  # `4 min`, `12:30 mins`: an audio player's or a video's length on its own line
        if len(line) <= 60 and " read" in lower and _READ_TIME.search(lower):
            return True  # `4 min read · Apr 2, 2024`: a post's reading time
        if line.endswith(_CALL_BUTTONS) and len(line) <= 150:
            return True  # `Before it's here, it's on the … Terminal. LEARN MORE`: a promo closing with its button
        if ("subscribe today" in lower or "subscribe now" in lower) and _OFFER.search(lower):
            return True  # `Reporting like this takes time and money. Subscribe today for unlimited access …`
        if line[-1:] == "!" and len(line) <= 200 and "click here" in lower:
            return True  # `Markets are at 5-year highs! … Click here for our fresh stock pick now!`: a promo shouting its link
        if lower.rstrip(" .").endswith("*ad"):
            return True  # `ChargeFinder is a free service … Get your quotes here. — *ad.`: a paragraph signed as an ad
        if len(line) <= 200 and (_EN_CREDIT_START.match(lower) or _EN_CREDIT_END.search(lower)
                                 or (line[-1:] == ")" and _PAREN_CREDIT.search(line, len(line) - 70))):
            return True
    if len(line) <= 200 and _ZH_NOTICE.search(line):
        return True
    if len(line) <= 16 and (_COUNTER.fullmatch(line) or _END_MARK.fullmatch(lower) or _SOCIAL_COUNT.fullmatch(line)
                            or (line.startswith(_EDITOR_LABELS) and cjk_name(line[4:], 12))):
        return True  # `责任编辑徐兴敏晏廷勇`: the editor's label and names run together, no colon
    if len(line) <= 40 and line[-1:] in ")）" and _names_credit(line):
        return True
    if len(line) <= 60 and line[-1:] in ")）" and _AFFILIATION.fullmatch(line):
        return True  # `(山西师范大学教育科学学院,山西太原 030031)`: a journal article's authors' institution
    if len(line) <= 80 and line.lstrip("（(【[ ").startswith(_UNIT_LABELS):
        return True  # `【作者单位：…】`, `（作者单位：县第一中学）`: the writer's institution under the text
    if len(line) <= 8 and not line.strip("-—–=*~ "):
        return True  # `—`, `* * *` … a rule drawn in dashes between the text and its credits
    if len(line) <= 12 and line[:1] >= "\u2190" and _emoji_only(line):
        return True  # `📬`, `✉️ ❤️`: pictographs alone (a callout card's emoji on a line of its own)
    if line[-1:] == "*" and len(line) <= 80 and line.endswith("******") and _CJK.search(line):
        # `中新社70年丨58年前，…******`: a spam mirror's heading over the story it copied (`– An** Fe*******`, a
        # reviewer's starred name under an English quote, stays)
        return True
    if len(line) <= 40 and lower.endswith(("app", "客户端")) and _CJK.search(line):
        return True  # `海量资讯，尽在…APP`: an app prompt
    if len(line) <= 80 and (_ZH_CREDIT.match(line) or _outlet_credit(line)):
        return True
    first = line[:1]
    if first in _ZH_KEYWORDS_FIRST and len(line) <= 80 and _ZH_KEYWORDS.match(line) \
            and not _SENTENCE_ENDS.search(line) and "，" not in line:
        return True
    if first in _ZH_PAPER_FIRST and len(line) <= 200 and _ZH_PAPER_CREDIT.match(line) \
            and (line[:2] not in ("原创", "原創") or len(line) <= 30):
        return True
    if first in _ORIGIN_FIRST and len(line) <= 120 and _ORIGIN_NOTE.match(line) and "。" not in line:
        return True  # `（摘自《散文选刊》2005年第3期）`, `选自《…》`: where a reposted text first ran
    if len(line) <= 40 and ("：" in line or ":" in line) and any(hint in line for hint in _STAFF_HINTS) \
            and _staff_line(line):
        return True
    if len(line) <= 60 and ("/" in line or "／" in line) and (_slash_staff(line) or _name_slash_role(line)):
        return True  # `本期监制/唐怡 主编/李浙`, `编辑/王兴栋`, `文/林青`, `李尚辉/文 倪路/图`
    if len(line) <= 80 and " " in line and line.count(":") + line.count("：") + line.count("/") + line.count("／") >= 2 \
            and _staff_row(line):
        return True  # `校稿:李咏 一审:张中强 终审:李玲`, `文/邱蕊 卓嘉 责任编辑:张媛`: credits in one row
    if len(line) <= 120 and "技术支持" in line and ("主办" in line or "承办" in line) and "。" not in line:
        return True  # `主办:…教育局 制作:…信息中心 技术支持:…科技`: a site's footer
    if line[:1] in _PICTURE_NOTE_FIRST and len(line) <= 120 and _PICTURE_NOTE.match(line):
        return True  # `■图：…`, `■ 图为…`, `题图：…`, `【图片说明】…`: a note on the picture beside the text
    if len(line) <= 240 and line[:1] in "【[" and _RECORD_FIELDS.fullmatch(line):
        return True  # `【成文日期】2019-12-31`, `[ 索引号 ]… [ 发文字号 ]…`: a policy document's record over its text
    if len(line) <= 14 and line[:1] in "（(" and _DISCLOSURE.fullmatch(line):
        return True  # `（此件公开发布）`: a government document's disclosure note
    if len(line) <= 40 and line[:2] in ("感谢", "感謝") and _TIP_THANKS.fullmatch(line):
        return True  # `感谢李先生提供线索，奖励50元`: a paper's reward for a tip
    if len(line) <= 40 and _THREAD_COUNTS.fullmatch(line):
        return True  # `查看: 1338|回复: 0`, `[复制链接]`: a forum thread's counts and tools
    if len(line) <= 40 and not line.strip(_WIDGET_CHARS) and _widget_row(line):
        return True
    if len(line) <= 80 and (">" in line or "＞" in line or "»" in line) and _crumbs(line):
        return True
    if len(line) <= 40 and "app" in lower and ("打开" in line or "打開" in line or "下载" in line or "下載" in line) \
            and not line.endswith("。"):
        return True  # `打开东南网APP，阅读体验更佳` (a sentence about an app is text)
    if len(line) <= 100 and "app" in lower and ("欢迎下载" in line or "歡迎下載" in line) and "。" not in line:
        return True  # `還想看更多新聞嗎？歡迎下載…APP，現在看新聞還能抽獎…：`: a download prompt with its lure
    if len(line) <= 80 and _HOTLINE.search(line) and _HOTLINE_NUMBER.search(line) and not _SENTENCE_ENDS.search(line):
        return True  # `自殺防治諮詢安心專線：0800-788995（24小時）`
    if len(line) <= 30 and _CARE.search(line):
        return True  # `★…關心您：再給自己一次機會`, `●…提醒您，請給自己機會：`
    if len(line) <= 80 and _CARE_HEAD.match(line) and ("自殺" in line or "自杀" in line or "珍惜生命" in line):
        return True  # `《蘋果》關心你 自殺解決不了問題，卻留給家人無比悲痛。請珍惜生命。`: the box's heading and plea
    if len(line) <= 24 and line.endswith(_DESK_CREDIT_ENDS) and ("／" in line or "/" in line) \
            and not _SENTENCE_ENDS.search(line) and "，" not in line:
        return True  # `社會中心／綜合報導`
    if len(line) <= 24 and line[:1] in "(（【[" and _SEE_ALSO.fullmatch(line.strip()):
        return True  # `(相關報導見焦點)`
    if len(line) <= 24 and line.startswith(_PROOF_LABELS) and _names_after_colon(line, 2):
        return True  # `校稿:李咏`
    if len(line) <= 12 and line[:2] in _DRAFT_ROLES and _names_after_colon(line, 2):
        return True  # `初稿：李忠明`, `发布:罗喜云`: a credit column's roles
    if len(line) <= 30 and line.startswith(_TEXT_AND_PICTURE) and any(
            line.startswith(roles) and _names_after_colon(line, len(roles)) for roles in _TEXT_AND_PICTURE):
        return True  # `文/图：林晓燕`: who wrote the text and took the pictures
    if len(line) <= 160 and line[:1] == "作" and "。" not in line and _authors_with_posts(line):
        return True  # `作者:刘建华(中国新闻出版研究院…研究员);杨雨晴(…)`
    if len(line) <= 20 and line.startswith(_PLATFORM_ACCOUNT) and cjk_name(line.split("/", 1)[1], 12):
        return True  # `百家号/乡村观察员`: the platform and the account that posted it
    if len(line) <= 20 and line.endswith(_MADE_BY) and _MADE_BY_UNIT.search(line) and not _SENTENCE_ENDS.search(line):
        return True  # `新华社音视频部制作`: the unit that made the video or page
    if len(line) <= 20 and line[:2] in _MADE_BY and line[2:3] in ("：", ":") and not _SENTENCE_ENDS.search(line):
        return True  # `出品:澎湃人物`: the desk that made the story
    if len(line) <= 80 and ("图" in line or "圖" in line) and _PICTURE_CREDIT_END.search(line, max(0, len(line) - 18)):
        return True  # `周家村村民领取折叠床。图:澎湃人物`: a caption closing with its picture's credit
    if len(line) <= 40 and line[:1] in _LAW_FIRST and line.replace(" ", "").replace("：", ":").startswith(_LAW_FIELDS):
        return True  # `颁布单位：…`, `实施日期：`, `时 效 性：有效`: a law database's fields over the text
    if len(line) <= 200 and "]" in line and line[:1] not in "[［0123456789" and _CITATION.search(line) \
            and _PAGES_END.search(line[-16:]):
        return True  # `杨波. 以提升…[J]. 信息通信技术与政策, 2022,48(1):69-74.`: the article's citation
    if len(line) <= 60 and line.startswith(_SELF_MEDIA_PROMPTS):
        return True  # `后台回复【加群】，进入交流群`, `本文授權自聯合新聞網，原文見此。`, a bare `作者简介`
    if len(line) <= 80 and "@" in line and ("投稿" in line) and _EMAIL.search(line):
        return True  # `如有投稿需求，請把文章發送到郵箱tougao@…`: a call for submissions
    if len(line) <= 32 and line[:1] in "(（" and line[-1:] in ")）" and line[-2:-1] in ("号", "號") \
            and _DOC_NUMBER.fullmatch(line[1:-1].strip()):
        return True  # `(皖政[2001]85號)`: the number in brackets
    if len(line) <= 30 and ("记者" in line or "記者" in line) and _TW_CREDIT.fullmatch(line):
        return True  # `記者王小明／台北報導`, `特派記者賴錦宏/北京報導聯合報`: a reporter, a slash, where from
    if len(line) <= 20 and line.startswith(_CORRESPONDENT) and _names_after_space(line):
        return True  # `通讯员 谭万国`: a correspondent's credit under the text
    if len(line) <= 220 and line[:1] in "原本文" and "http" in line and _SOURCE_LINK.fullmatch(line.strip()):
        return True  # `原文链接:https://…`: a repost's link to its original
    if len(line) <= 240 and line[:1] in "【[(（" and "http" in line and _POINTER_LINK.fullmatch(line.strip()):
        return True  # `【采访视频见 http://… 】`: a pointer to a video or page
    if len(line) <= 16 and "版" in line and _CONTINUED.fullmatch(line.strip().lstrip(_ARROWS)):
        return True  # `(上接C8版)`, `（下转第3版）`, `》》》上接01版`: a paper's note that the story continues elsewhere
    if len(line) <= 60 and "." in line and _IMAGE_FILE.fullmatch(line.strip()):
        return True  # `1694484025329082865.jpg`, `blob.png`: a picture's file name where its caption would be
    if len(line) <= 60 and "_" in line and " " not in line and _IMAGE_NAME.fullmatch(line):
        return True  # `2019090117192020319_0FTS7187_600x450`: a resized picture's name (no extension) as its alt text
    if len(line) <= 60 and ("首页" in line or "首頁" in line) and _spaced_menu(line):
        return True  # `今日新聞 社論 評論 專題報導 自由廣場 報社簡介 回首頁`: a site's menu row typed into the text
    if len(line) <= 8 and line.strip()[-1:] in ":：" and line.strip().rstrip(":：").strip() in _EMPTY_LABELS:
        return True  # `标签:`: a tag label left empty
    if len(line) <= 80 and ("来源" in line or "來源" in line or "提供" in line) \
            and _PHOTO_SOURCE_END.search(line, max(0, len(line) - 28)):
        return True  # `…追羽思。照片来源:张圣琳。`: a caption closing with where its photo came from
    if line[:1] == "{" and _CMS_TAG.fullmatch(line):
        return True  # `{jz:field.toptypename/}`: a template tag the CMS left unfilled
    if len(line) <= 10 and line[:1] in _STAMP_FIRST and _TIME_STAMP.fullmatch(line):
        return True  # `09:05`, `【10:22】`: a live report's time stamp on a line of its own
    if len(line) <= 60 and ("(" in line or "（" in line) and _placed_caption(line):
        return True  # `…主编赵盼盼(右二)上台领奖`: a caption placing a person in the picture
    if len(line) <= 24 and line[:1].isupper() and _NORM_CODE.fullmatch(line.strip()):
        return True  # `HHCR-2023-01005`: a normative document's registration code over its text
    if len(line) <= 12 and line.endswith(("现场", "現場")) and _CJK.search(line[:1]) and "，" not in line:
        return True  # `茶叙会现场`, `活动现场`: a picture's caption
    if len(line) <= 60 and "，" not in line and _TOOLS.search(line) and not _SENTENCE_ENDS.search(line):
        return True  # `返回列表`, `以文本方式查看主题`, `页面有问题?请点击打印板-》打印版 [推荐此文给朋友]`: a page's tools
    if len(line) <= 8 and line in _LABELS_ALONE:
        return True  # `【摘要】`: a paper's label on a line of its own
    if line[-3:] == "-->" and len(line) <= 200:
        return True  # `… content_226314.html 1 … /enpproperty-->`: the tail of a CMS's comment left in the text
    if len(line) <= 12 and line[:1] in "跳" and _SKIP_LINK.fullmatch(line):
        return True  # `跳到主要內容區塊`: a skip link
    if len(line) <= 40 and "，" not in line and any(a in line and b in line for a, b in _HOME_LINKS):
        return True  # `English 进入旧版 设为首页 加入收藏`: a site's own links
    if len(line) <= 40 and line[:1] in "(（" and line[-1:] in ")）" and ("/" in line or "／" in line) \
            and _desk_credit(line[1:-1].strip()):
        return True  # `(文/方爱宁  摄/周霄佳)`, `(党委宣传部 文/孙婷艳 图/郭忠利)`: a bracketed credit of roles and names
    if len(line) <= 24 and line[:1] in "(（" and line[-1:] in ")）" and ("：" in line or ":" in line) \
            and any(hint in line for hint in _STAFF_HINTS) and _staff_line(line[1:-1]):
        return True  # `(新聞主編:張艷梅)`, `（责任编辑：王海）`: an editor's credit in brackets
    return ((len(line) <= 60 and _zh_caption(line)) or (len(line) <= 200 and _long_caption(line))
            or (("|" in line or "｜" in line) and _menu_row(line))
            or (line[:1] == "第" and _page_label(line)))


def is_caption(line: str) -> bool:
    """A photo's caption that says what the picture shows, in a sentence, and ends with its credit
    (`…在海上收割海带。中新社记者 王东明 摄`): chrome beside a text, the text of a page of photos."""
    return ("。" in line or "，" in line) and ((len(line) <= 60 and _zh_caption(line)) or _long_caption(line))


_BARS = ("︱", "｜", "|", "丨")
_OUTLET_ROLES = ("记者", "記者", "编辑", "編輯")


def _outlet_credit(line: str) -> bool:
    """`界面新闻记者 | 杨舒鸿吉 实习记者 张航`, `界面新闻编辑 | 谢灵宁`: an outlet's role, a bar, names."""
    head = line[:12]
    at = max(head.find(bar) for bar in _BARS)
    return at > 1 and head[:at].rstrip().endswith(_OUTLET_ROLES)


def _staff_row(line: str) -> bool:
    """Two credits or more in one row, each a newsroom's role line (`一审:张中强`), a proofreader's
    (`校稿:李咏`) or a slash credit (`文/邱蕊 卓嘉`)."""
    parts: list[str] = []  # a credit opens at each word holding its role's colon or slash
    for word in line.split():
        if parts and not any(mark in word[1:] for mark in "：:/／"):
            parts[-1] = f"{parts[-1]} {word}"
        else:
            parts.append(word)
    if len(parts) < 2:
        return False
    for part in parts:
        slash = "/" in part or "／" in part
        if not ((slash and _slash_staff(part)) or (not slash and any(hint in part for hint in _STAFF_HINTS)
                                                    and _staff_line(part))
                or (part.startswith(_PROOF_LABELS) and _names_after_colon(part, 2))):
            return False
    return True


def _staff_line(line: str) -> bool:
    """`编 辑:苏 伟` (spaces inside a name) or `报道员:刘芯玮 陈晓铮 吴宗祥` (spaces between names)."""
    if _STAFF.fullmatch(line.replace(" ", "").replace("\u3000", "")):
        return True
    spaced = _SPACES.sub("、", _AROUND_COLON.sub(r"\1", line.strip()))
    return _STAFF.fullmatch(spaced) is not None


# The words of a share, vote, font-size or paging widget; a row of nothing else (counts and bars
# between) is chrome: `点赞 128 | 收藏 | 分享`, `第1页 2 3 下一页 尾页`, `字体:【`, `放大`, `小字號`.
_WIDGET_WORDS = frozenset((
    "点赞", "點讚", "赞", "讚", "收藏", "分享", "转发", "轉發", "举报", "舉報", "我要举报", "我要舉報", "在看", "打印", "关闭", "關閉",
    "放大", "缩小", "縮小", "默认", "默認", "上一版", "下一版", "上一期", "下一期", "上一页", "下一页", "上一頁", "下一頁", "首页", "首頁",
    "尾页", "尾頁", "末页", "末頁", "字体", "字體", "字号", "字號", "小字号", "大字号", "小字號", "大字號", "大", "中", "小",
    "电脑版", "電腦版", "手机版", "手機版", "图片", "圖片", "+1", "返回顶部", "返回頂部", "无障碍", "無障礙",
    "超大", "标准", "標準", "关注", "關注", "已关注", "已關注", "评论", "評論",  # a font-size switch, a follow button, a comment count
    "广告", "廣告", "X", "×",  # an advert's label and its close button (`X 关闭`)
    "阅读原文", "閱讀原文", "附件",  # a repost's link to its original; an attachments label with none after it
    "赞赏", "讚賞", "官方微信", "官方微博", "政务微信", "政务微博", "政務微信", "政務微博",  # a tip button; a site's accounts
    "下载", "下載", "相关", "相關", "版权申诉", "版權申訴",  # a document-sharing site's tools over the preview
    "打印文章", "添加收藏", "打印本文", "收藏本文", "更多",  # a CMS's print and bookmark links; a box's `more` link
))
_WIDGET_CHARS = "".join(set("".join(_WIDGET_WORDS) + "0123456789.万萬+第共页頁 \u3000|｜·•/：:【】[]()（）<>《》"))
_WIDGET_SPLIT = re.compile(r"[\s|｜·•/：:]+")  # (a colon between: `共2页：上一页 [1] [2] 下一页`)
_WIDGET_COUNT = re.compile(r"[(（\[]?\d+(?:\.\d+)?[万萬+]?[)）\]]?|[第共]\d{1,3}[页頁]")
_WIDGET_MARKS = "：:【】[]()（）<>《》"


def _widget_row(line: str) -> bool:
    if "】【" in line or "][" in line:  # `【打印本文】【收藏本文】`: bracketed tools run together
        line = line.replace("】【", "】 【").replace("][", "] [")
    words = [word.strip(_WIDGET_MARKS) for word in _WIDGET_SPLIT.split(line.strip())]
    named = False
    for word in words:
        if not word:
            continue
        if word in _WIDGET_WORDS or (word[:1] in "第共" and _WIDGET_COUNT.fullmatch(word)):
            named = True
        elif not _WIDGET_COUNT.fullmatch(word):
            return False
    return named


# `福州新闻网 >> 新闻频道 >> 要闻快讯`, `人民網>>上海頻道`, `中国> 正文`: a breadcrumb typed into the text.
_CRUMB_SPLIT = re.compile(r"\s*(?:->|>>|>|＞|»|›)\s*")
_CRUMB_TAILS = ("频道", "頻道", "首页", "首頁", "主页", "主頁", "正文", "网", "網")


def _crumbs(line: str) -> bool:
    if _SENTENCE_ENDS.search(line) or "，" in line or "," in line:
        return False
    parts = [part for part in _CRUMB_SPLIT.split(line.strip()) if part]
    if len(parts) < 2 or len(parts) > 8 or any(len(part) > 16 for part in parts):
        return False
    return len(parts) >= 3 or any(part.strip("[]【】").endswith(_CRUMB_TAILS) for part in parts)


_SLASH_ROLES = frozenset((
    "监制", "監製", "主编", "主編", "编辑", "編輯", "责编", "責編", "记者", "記者", "摄影", "攝影", "摄像", "攝像", "剪辑", "剪輯",
    "制作", "製作", "策划", "策劃", "统筹", "統籌", "校对", "校對", "审核", "審核", "文", "图", "圖", "视频", "視頻", "摄", "攝",
))


def _names_after_colon(line: str, at: int) -> bool:
    """Whether `line` holds from `at` a colon and one to four names (`校稿:李咏`, `审稿：王福、林青`)."""
    rest = line[at:].lstrip()
    if rest[:1] not in ("：", ":"):
        return False
    names = [name for name in _NAME_SPLIT.split(rest[1:].strip()) if name]
    return 1 <= len(names) <= 4 and all(cjk_name(name) for name in names)


def _authors_with_posts(line: str) -> bool:
    """`作者:刘建华(中国新闻出版研究院…研究员);杨雨晴(…)`: `作者` and a colon, a name, a bracket."""
    rest = line[3:].lstrip() if line.startswith("作 者") else line[2:].lstrip() if line.startswith("作者") else ""
    if rest[:1] not in ("：", ":"):
        return False
    rest = rest[1:].lstrip()
    bracket = min((at for at in (rest.find("("), rest.find("（")) if at > 0), default=-1)
    return bracket > 0 and cjk_name(rest[:bracket].strip())


def _names_credit(line: str) -> bool:
    """A credit of names alone in brackets under the text, an outlet's name perhaps first: `(网易山西 张丽 闫珊)`,
    `（李明 ）`."""
    if line[:1] not in "（(":
        return False
    words = line[1:-1].split()
    if len(words) == 1:
        return cjk_name(words[0], 3)
    return len(words) <= 6 and cjk_name(words[0], 8) and all(cjk_name(word, 3) for word in words[1:])


def cjk_name(text: str, longest: int = 4) -> bool:
    """Two to `longest` Chinese characters (a person's name). No regex: a CJK class costs ms to compile."""
    return 2 <= len(text) <= longest and all("\u4e00" <= ch <= "\u9fff" for ch in text)


# Roles written after a name and a slash in a credit line (`李尚辉/文 倪路/图`), and the staff words
# beside them (`郑丽 记者 …`).
_ROLE_PAIRS = frozenset(("文/图", "文/圖", "图/文", "圖/文", "文/摄", "文/攝"))
_ROLES_AFTER = frozenset(("文", "图", "圖", "摄", "攝", "摄影", "攝影", "文图", "文圖", "图文", "圖文"))
_STAFF_WORDS = frozenset(("记者", "記者", "通讯员", "通訊員", "实习生", "實習生", "见习记者", "見習記者", "本报记者", "本報記者"))
# A picture's note: a square and a picture word (`■图：`, `■ 图为`, `□圖為`), a title picture's label (`题图：`,
# `头图：`) or a bracketed caption label (`【图片说明】`). `■ 图书馆…` (a subhead) and `■图书…` are no picture word.
_PICTURE_NOTE_FIRST = frozenset("■□题題头頭【")  # a set test is cheaper than a regex call on every line
_PICTURE_NOTE = re.compile(r"[■□]\s?(?:图|圖)(?:[:：]|\s?[为為]|片[:：])|(?:题图|題圖|头图|頭圖)[:：]|【(?:图片说明|圖片說明|图说|圖說)】")
# A government information page's record fields, each label in brackets with its value (or none).
_RECORD_LABELS = ("成文日期", "发布日期", "發布日期", "发布时间", "發布時間", "发布机构", "發布機構", "发文机关", "發文機關", "索引号",
                  "索引號", "文号", "文號", "发文字号", "發文字號", "主题分类", "主題分類", "体裁分类", "有效性", "生效日期", "废止日期",
                  "廢止日期", "实施日期", "實施日期", "公开方式", "公開方式", "公开范围", "所属机构", "组配分类", "服务对象", "信息来源")
_RECORD_FIELDS = re.compile(r"(?:【(?:" + "|".join(_RECORD_LABELS) + r")】[^【】]{0,80})+"
                            r"|(?:\[ ?(?:" + "|".join(_RECORD_LABELS) + r") ?\] ?[^\[\]]{0,80})+")
_DISCLOSURE = re.compile(r"[（(]\s?此件[\u4e00-\u9fff]{2,6}\s?[）)]")
_TIP_THANKS = re.compile(r"感[谢謝][\u4e00-\u9fff]{1,8}提供(?:新闻)?(?:线索|線索)[，,]\s?(?:奖励|獎勵)\s?\d{1,4}\s?元[。!！]?")
# (also an older CMS's reader count under its text: `本文已影响 1234 人`)
_THREAD_COUNTS = re.compile(r"(?:查看|閱讀|阅读)\s?[:：]\s?\d{1,9}\s?[|｜]\s?(?:回复|回覆)\s?[:：]\s?\d{1,9}|\[复制链接\]|\[複製鏈接\]"
                            r"|本文已影响\s?\d{1,9}\s?人|本文已影響\s?\d{1,9}\s?人")


def _name_slash_role(line: str) -> bool:
    """`李尚辉/文 倪路/图`, `郑丽 记者 李明/文`, `■本报记者 王海 文/图`: names each followed by a slash and
    its role (text, picture, photo), or by the roles alone (`文/图`), with staff words and names
    between, no sentence."""
    slashed = 0
    for word in line.lstrip("■□●◆ ").replace("／", "/").split():
        if word in _ROLE_PAIRS and slashed == 0 and line[:1] in "■□●◆":
            slashed += 1  # `王海 文/图` under a marked credit
            continue
        name, slash, role = word.partition("/")
        if slash:
            if role not in _ROLES_AFTER or not cjk_name(name):
                return False
            slashed += 1
        elif word not in _STAFF_WORDS and not cjk_name(word):
            return False
    return slashed > 0


# The unit a credit may name before its roles or after them (`党委宣传部`, `新闻中心编审`).
_DESK_ENDS = ("部", "处", "處", "中心", "办", "辦", "办公室", "辦公室", "编审", "編審", "审核", "審核", "供稿",
              "党委", "黨委", "团委", "團委")
# `記者王小明／台北報導`, `特派記者賴錦宏/北京報導聯合報`: Taiwan's credit of a reporter and where the report is from.
_TW_CREDIT = re.compile(r"(?:特派|特约|特約|驻地|駐地)?(?:记者|記者)\s?[\u4e00-\u9fff]{2,4}\s?[/／]\s?[\u4e00-\u9fff]{1,8}?"
                        r"(?:报导|报道|報導|報道)[\u4e00-\u9fff]{0,6}")


def _desk_credit(inner: str) -> bool:
    """A credit of roles and names (`文/方爱宁  摄/周霄佳`, `袁凤友/文 杨守勇/图`), perhaps with the unit
    that made it before or after (`党委宣传部 文/孙婷艳 图/郭忠利`, `宣传部 … 新闻中心编审`)."""
    words = inner.split()
    while len(words) > 1 and len(words[0]) <= 10 and words[0].endswith(_DESK_ENDS) and "/" not in words[0]:
        words = words[1:]
    while len(words) > 1 and len(words[-1]) <= 10 and words[-1].endswith(_DESK_ENDS) and "/" not in words[-1]:
        words = words[:-1]
    rest = " ".join(words)
    return _slash_staff(rest) or _name_slash_role(rest)


def _slash_staff(line: str) -> bool:
    """`本期监制/唐怡 主编/李浙 侯振海`, `编辑/王兴栋`: roles, each with a slash and one to four names."""
    words = line.replace(" / ", "/").replace("／", "/").removeprefix("本期").split()
    names = 0
    for word in words:
        role, slash, name = word.partition("/")
        if slash:
            if role not in _SLASH_ROLES or not cjk_name(name):
                return False
            names = 1
        elif names and names < 4 and cjk_name(word):
            names += 1
        else:
            return False
    return names > 0
_MADE_BY = ("制作", "製作", "出品")
# A caption's last sentence, its picture's credit: `。图:澎湃人物`, `。圖／中央社`.
_PICTURE_CREDIT_END = re.compile(r"。\s?(?:图|圖)\s?[：:/／]\s?[^\s。，,]{2,12}$")
_MADE_BY_UNIT = re.compile(r"部|中心|社|台|工作室|团队|團隊|融媒")
_LAW_FIRST = frozenset("颁頒实實施失废廢时時效")
_LAW_FIELDS = tuple(f"{word}:" for word in (
    *(f"{act}{what}" for act in ("颁布", "頒布", "实施", "實施", "施行", "失效", "废止", "廢止")
      for what in ("日期", "单位", "單位", "机关", "機關")),
    "时效性", "時效性", "效力级别", "效力級別"))
# `明政办〔2024〕12号`, `滬府發〔2017〕92號`, `农乡振发[2023]5号`: an issuer's short name, the year in brackets, the number
# (in brackets of its own under a headline, `(皖政[2001]85號)`, chrome; bare, the first line of the document's text).
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s?[〔［\[【(（]\s?(?:19|20)\d{2}\s?[〕］\]】)）]\s?(?:第\s?)?\d{1,4}\s?[号號]")
# A reference to a journal article, book or thesis (`[J].`, `[M].`) ending with its pages or year.
_CITATION = re.compile(r"\[[JMDCN]\]\s?[.．]")
_PAGES_END = re.compile(r"(?<!\d)(?:\d++\s?[-–—]\s?\d++|\d{4})\s?[.．。]?$")
_SELF_MEDIA_PROMPTS = ("后台回复", "後台回覆", "本文授权自", "本文授權自", "作者简介", "作者簡介")
_EMAIL = re.compile(r"@[\w-]++\.\w")
_CORRESPONDENT = ("通讯员", "通訊員", "见习记者", "見習記者", "特约记者", "特約記者", "实习生", "實習生",
                  "新闻通讯员", "新聞通訊員", "本报通讯员", "本報通訊員")
# A repost's link to its original on a line of its own (`原文链接:https://…`, `本文地址：http://…`), and a
# bracketed pointer to a video or page (`【采访视频见 http://… 】`).
_SOURCE_LINK = re.compile(r"(?:原文|本文|文章)(?:链接|鏈接|地址|网址|網址|连接|連接)\s?[:：]?\s?https?://\S{4,200}")
_POINTER_LINK = re.compile(r"[【\[(（][^【】\[\]()（）]{0,12}(?:见|見)\s?https?://[^\s【】\[\]()（）]{4,200}\s?[】\])）]")
# A paper's note that a story continues from or on another page (`(上接C8版)`, `（下转第3版）`).
_CONTINUED = re.compile(r"[(（]?\s?(?:上接|下转|下轉|紧接|緊接|续接|續接)\s?(?:第\s?)?[0-9A-Z一二三四五六七八九十]{1,4}\s?版\s?[)）]?")
# Arrows a paper puts before its continuation note (`》》》上接01版`).
_ARROWS = "》>»›"
# A picture's file name on a line of its own: letters, digits and a few marks, an image's extension.
_IMAGE_FILE = re.compile(r"[\w\-]{1,50}\.(?:jpe?g|png|gif|webp|bmp)", re.I)
# A tag or keyword label left empty on a line of its own (`标签:`).
_EMPTY_LABELS = frozenset(("标签", "標簽", "標籤", "关键词", "關鍵詞", "关键字", "關鍵字", "Tags", "tags", "Tag", "TAG"))
# A caption closing with where its photo came from (`…。照片来源:张圣琳。`, `…。图片来源：县融媒体中心`).
_PHOTO_SOURCE_END = re.compile(r"(?:照片|图片|圖片|相片)(?:来源|來源|提供)\s?[：:]\s?[^\s。，,：:]{2,16}[。.]?$")


def _spaced_menu(line: str) -> bool:
    """A row of five or more menu words split by spaces, one of them the home link (`首页`, `回首頁`):
    each word two to five characters, nothing of a sentence."""
    words = line.split()
    return (len(words) >= 5 and all(2 <= len(word) <= 5 for word in words)
            and any(word.endswith(("首页", "首頁")) for word in words) and not _SENTENCE_ENDS.search(line)
            and "，" not in line)


def _names_after_space(line: str) -> bool:
    """`通讯员 谭万国`, `通讯员 王宁 李强`: the role, a space, one to three names."""
    names = line.split()[1:]
    return 1 <= len(names) <= 3 and all(cjk_name(name) for name in names)


_CMS_TAG = re.compile(r"\{[a-z]+:[\w.]{1,60}/?\}")
_SPACES = re.compile(r"[ \u3000]+")
_AROUND_COLON = re.compile(r"[ \u3000]*([：:])[ \u3000]*")


def _page_label(line: str) -> bool:
    """`第16版：国内看点`: an e-paper's page labels (its page list repeats them under the article)."""
    return len(line) <= 200 and _EPAPER_PAGES.fullmatch(line) is not None


def _menu_row(line: str) -> bool:
    """`首页 | 时政 | 财经 | 评论 | …`: a row of section names between bars, as older pages type
    their menus into the article's cell (four bars or more, short items, no sentence)."""
    bars = line.count("|") + line.count("｜")
    if bars < 4 or len(line) > 240 or "。" in line or "，" in line:
        return False
    return len(line) - bars <= 8 * (bars + 1)


def _zh_caption(line: str) -> bool:
    """`图为…`, `▲…`, `…（刘通摄）`, `…供图`, `…（图片来源：…）`, `…記者曾原信/攝影`, `翟子赫 摄 (新华网)`,
    `…,圖片來自Techidence`: a photo caption or credit."""
    if line.startswith(_ZH_CAPTION_START):
        return True
    end = line.rstrip("）) ")
    if end.endswith(_ZH_CAPTION_END) or "图片来源" in end[-26:]:
        return True
    if line[-1:] in ")）" and (at := max(line.rfind("("), line.rfind("（"))) > 0 and len(line) - at <= 20:
        return line[:at].rstrip().endswith(("摄", "攝"))  # the credit, then the outlets in brackets
    return any(mark in end[-30:] for mark in _PICTURE_FROM)


_PICTURE_FROM = ("图片来自", "圖片來自", "图片源自", "圖片源自")
# `…留宿 。攝:葉家豪/端傳媒`: the caption's last sentence is its photographer's credit.
_SHOT_BY = ("摄:", "摄：", "攝:", "攝：")


def _credit_last(line: str) -> bool:
    """Whether a caption ends with a sentence that is only its credit (`攝:葉家豪/端傳媒`, `摄：林青`)."""
    at = line.rfind("。")
    rest = line[at + 1 :].strip()
    return at >= 0 and 3 < len(rest) <= 24 and rest.startswith(_SHOT_BY) and not any(m in rest for m in "，,、；")


_CAPTION_SAYS = ("图说：", "图说:", "圖說：", "圖說:")


def _photographer_last(line: str) -> bool:
    """Whether a line ends with its photographer's credit: `摄影：` and one to four names."""
    at = max(line.rfind("摄影"), line.rfind("攝影"))
    rest = line[at + 2 :].lstrip()
    if at < 0 or rest[:1] not in ("：", ":", "/"):
        return False
    names = rest[1:].split()
    return 1 <= len(names) <= 4 and all(cjk_name(name) for name in names)
# A picture credit in a closing bracket: `（本网图片2/2/2016）`, `(新华社发 图片)`.
_PICTURE_BRACKET = re.compile(r"[(（][^()（）]{0,30}(?:图片|圖片)[^()（）]{0,20}[)）]$")
# `…（圖／記者林青翻攝）`, `(图/新华社)`: a picture credit with a slash in a closing bracket.
_PICTURE_SLASH = re.compile(r"[(（](?:图|圖)\s*[／/][^()（）]{1,30}[)）]$")
_TEXT_CREDIT = re.compile(r"文\s*[／/:：]|[／/]\s*文")  # `文/林海`, `图/文`: the text's credit


def _long_caption(line: str) -> bool:
    """A caption of an older portal typed as a paragraph: it says what the picture shows (`图为…`) and
    ends with the photographer's credit (`中新社发 林小溪 摄`), or ends with a picture credit in brackets
    (`…（本网图片2/2/2016）`, `…（圖／記者林青翻攝）`)."""
    if line.startswith(_CAPTION_SAYS):
        return True  # `图说：…`: a paper's caption label, however long the caption
    end = line[-1:]
    if end in ("摄", "攝"):
        return "图为" in line or "圖為" in line or "圖爲" in line
    if line.rstrip("）) ").endswith(("供图", "供圖")):
        return True  # `…演出。三明市融媒体中心供图`: who supplied the picture
    if line.endswith("提供") and 0 <= (at := line.rfind("。")) < len(line) - 4 and len(line) - at <= 18 \
            and not any(mark in line[at + 1 :] for mark in "，,、；"):
        return True  # `…采访行启动。恩平市委宣传部提供`: a caption, then who supplied the picture
    if ("摄影" in line or "攝影" in line) and _photographer_last(line):
        return True  # `黄河路街景。摄影：杨舒鸿吉`
    if ("摄" in line[-26:] or "攝" in line[-26:]) and _credit_last(line):
        return True  # `…午夜過後，不少人於餐廳內留宿。攝:葉家豪/端傳媒`
    if end in (")", "）") and ("／" in line[-32:] or "/" in line[-32:]) and _PICTURE_SLASH.search(line, len(line) - 34):
        # `▲…（圖／記者林青翻攝）`; but `…(图/陈亮 文/林海)`, `（图/文 记者 陈亮）` credit the text too: a
        # photo story's own text (often its only paragraph: dropping it lost the article)
        return _TEXT_CREDIT.search(line, len(line) - 34) is None
    return end in (")", "）") and ("图片" in line or "圖片" in line) and _PICTURE_BRACKET.search(line) is not None


# A live report's time stamp alone on its line: `09:05`, `11:39:20`, `【10:22】`.
_TIME_STAMP = re.compile(r"[【\[]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[】\]]?")
_STAMP_FIRST = frozenset("0123456789【[")
# A person's place in a picture: `(右二)`, `（左一）`, `（中）`, `(前排左三)`.
_PLACED = re.compile(r"[(（](?:前排|后排|後排|左起|右起)?[左右中][一二三四五六七八九]?[)）]")


def _placed_caption(line: str) -> bool:
    """A caption that places a person in the picture: a bracketed position, no comma, at most one
    sentence (`县长王海（左一）在茶园了解春茶采摘情况`); a sentence of text goes on with its commas."""
    if "，" in line or "," in line or line.count("。") > 1 or ("。" in line and not line.endswith("。")):
        return False
    return _PLACED.search(line) is not None


_COMMENT_COUNT = re.compile(r"(?:网友)?(?:评论|評論|留言|跟帖)\s*[(（\[【]?\s*\d+\s*(?:人参与|人參與|条|條|人)?\s*[)）\]】]?")
_MORE_PROMPT = ("更多精彩", "更多图片", "更多圖片", "更多内容", "更多內容", "更多资讯", "更多資訊", "更多详情")


def trim_tail(paragraphs: list[str]) -> list[str]:
    """The paragraphs without the author notes (`X is a staff writer…`), the wire's name on a line of
    its own (`AP`, `— Reuters`), a publication stamp with a source before it (`CNNMoney (New York)
    First published November 29, 2016: 3:33 AM ET`, no sentence end) and a correction note under its
    label (`Correction: September 19, 2016` / `An earlier version of this article misstated …`) among
    the last three."""
    keep = len(paragraphs)
    while keep > 1 and len(paragraphs) - keep < 3:
        line = paragraphs[keep - 1]
        if len(line) <= _CORRECTION_MAX and _CORRECTION_NOTE.match(line):
            keep -= 1  # with its label line above it (`Correction: September 19, 2016`)
            if keep > 1 and len(paragraphs[keep - 1]) <= 60 and _CORRECTION_LABEL.fullmatch(paragraphs[keep - 1]):
                keep -= 1
        elif len(line) <= 300 and (_BIO.match(line) or (len(line) <= 40 and _WIRE_LINE.fullmatch(line))
                                   or _stamp(line) or _closing_credit(line) or _zh_author_note(line)):
            keep -= 1
        elif len(line) <= 40 and (_COMMENT_COUNT.fullmatch(line) or (line.startswith(_MORE_PROMPT) and "关注" in line
                                                            and "，" not in line and not _SENTENCE_ENDS.search(line))):
            keep -= 1  # `评论 (0人参与)`: the comment box's count; `更多精彩图片请关注…公众号`: a prompt to follow the account
        else:
            break
    return paragraphs[:keep]


# A note on the writers under an essay, no label (`徐明,某某大学经济学院教授;李清,某某研究所副研究员`): each a name,
# a comma or a space, where the writer works and a post; the posts a scholar, an expert or a commentator holds.
_NOTE_POSTS = ("教授", "研究员", "研究員", "讲师", "講師", "博士", "博士生", "博士后", "博士後", "研究生", "导师", "導師",
               "院长", "院長", "所长", "所長", "主任", "学者", "學者", "专家", "專家", "经济学家", "經濟學家", "评论员", "評論員",
               "分析师", "分析師", "秘书长", "秘書長", "会长", "會長", "理事")
_NOTE_WRITER = re.compile(r"([\u4e00-\u9fff·]{2,5})[,，、 ]\s?([^;；。]{4,60})")


def _zh_author_note(line: str) -> bool:
    """A line of one to four writers' notes, each a name, then where the writer works ending with a post
    (`教授`, `副研究员`, `博士生导师`), split by semicolons; 150 characters at most, no sentence inside."""
    if len(line) > 150 or line[-1:] not in _NOTE_LAST:
        return False
    notes = [note.strip() for note in _NOTE_SPLIT.split(line.rstrip("。").strip())]
    if not 1 <= len(notes) <= 4:
        return False
    for note in notes:
        match = _NOTE_WRITER.fullmatch(note)
        if match is None or not match.group(2).endswith(_NOTE_POSTS) or "说" in note or "說" in note:
            return False
    return True


_NOTE_LAST = frozenset("授员員师師士生长長任者家理。")
_NOTE_SPLIT = re.compile("[;；]")


# A summary's label over the text (`摘要:`, `【摘要】`, a portal's lead box `[导读]…`, `内容摘要：…`): a site's summary of
# a mirrored story, or the story's opening repeated in a box over it.
_SUMMARY_LABELS = (*(f"{word}{mark}" for word in ("摘要", "导读", "導讀", "内容摘要", "內容摘要", "内容提要", "內容提要")
                     for mark in (":", "：", " ")),
                   *(f"{left}{word}{right}" for word in ("摘要", "导读", "導讀", "内容提要", "內容提要")
                     for left, right in (("【", "】"), ("[", "]"))))
_SUMMARY_FIRST = frozenset(label[0] for label in _SUMMARY_LABELS)


def without_summary(paragraphs: list[str]) -> list[str]:
    """The paragraphs without a summary among the first three that repeats the opening of one of
    the three paragraphs after it (`摘要:天津大学卫津路校区内,…` over `天津大学卫津路校区内,…`; a lead box's
    `[导读]7月28日,…召开…` over `为…,7月28日,…召开…`): a site's summary over a story it mirrored, or
    the story's opening boxed over it. An abstract of its own stays."""
    for at, line in enumerate(paragraphs[:3]):
        label = next((label for label in _SUMMARY_LABELS if line.startswith(label)), None) \
            if line[:1] in _SUMMARY_FIRST else None
        if label is None:
            if len(line) >= 20 and at + 1 < len(paragraphs) and len(paragraphs[at + 1]) > len(line) \
                    and paragraphs[at + 1].startswith(line):
                return paragraphs[:at] + paragraphs[at + 1 :]  # the opening sentence copied whole over the text
            continue
        opening = line[len(label) :].strip()[:20]
        if len(opening) >= 12 and any(opening in later for later in paragraphs[at + 1 : at + 4]):
            return paragraphs[:at] + paragraphs[at + 1 :]
    return paragraphs


def trim_head(paragraphs: list[str]) -> list[str]:
    """The paragraphs without the wire's name on a line of its own (`Associated Press`) or a
    dateline in capitals (`NEW DELHI`) that the next line opens with (`NEW DELHI (AP) — …`), above
    the first paragraph (two such lines at most)."""
    start = 0
    while start < 2 and len(paragraphs) - start > 1:
        line = paragraphs[start]
        if len(line) > 40:
            break
        if not (_WIRE_LINE.fullmatch(line) or (line.isupper() and paragraphs[start + 1].startswith(line + " "))):
            break
        start += 1
    return paragraphs[start:] if start else paragraphs


# `… First published November 29, 2016: 3:33 AM ET`: a stamp closing a line (a source may stand before it).
_STAMP = re.compile(r"\b(?:(?:first|last|originally) )?(?:published|updated|posted)\b:?(?: on)?\s.{0,30}\b(?:19|20)\d\d\b.{0,40}$",
                    re.I)


def _stamp(line: str) -> bool:
    """A short line (100 characters at most, no sentence end) that ends in a publication stamp."""
    return len(line) <= 100 and line[-1:] not in ".!?。" and _STAMP.search(line) is not None


# Credits closing a story, on a line of their own: an editor's (`Editor: Zhang Liang`, `(Web editor:
# Tian Yi, Liang Jun)`, `[Editor: huaxia]`, `Edited by …`), a writer's (`Written by: Jo Marsh`) and a release's `SOURCE Company Ltd.`
# (a syndication note, `Originally published on …`, and a `___` rule stay: scrapinghub's truth keeps them).
_CLOSING_CREDIT = re.compile(
    r"[(\[]?(?:(?:web|chief|executive|managing|copy|responsible|duty|news) )?editors?\s*[:：]\s*[\w .,'’&-]{1,60}[)\]]?|"
    r"(?:edited|translated|written) by:?\s[\w .,'’&-]{1,60}|"
    r"[—–-]*\s*with (?:additional )?assistance (?:from|by)\s[^.!?]{1,80}\.?",
    re.I,
)
_RELEASE_SOURCE = re.compile(r"SOURCE [A-Z][\w .,'’&-]{1,60}")


def _closing_credit(line: str) -> bool:
    """An editor's or helpers' line, a release's source line (100 characters at most), an opinion
    page's call for contributions or a paper's print-edition note (300 at most)."""
    if len(line) <= 100 and (_CLOSING_CREDIT.fullmatch(line.strip()) is not None
                             or _RELEASE_SOURCE.fullmatch(line.strip()) is not None):
        return True
    return len(line) <= 300 and _OPINION_NOTE.match(line) is not None


# `If you have a specific expertise, … send us your writings at …`: an opinion page's call for
# contributions under the column; `A version of this article appears in print on …`: a paper's
# note. (`The author is …` and `The views don't necessarily reflect those of …` stay:
# scrapinghub's truth keeps such a disclaimer.)
# A correction or edit note: `This blog post was edited on 9 July to …`, `An earlier version of this
# article misstated …` (scrapinghub's truth leaves such notes out).
_CORRECTION_NOTES = (
    r"(?:this|an earlier version of this) (?:blog )?(?:article|story|post|piece|report) (?:was|has been) "
    r"(?:edited|updated|corrected|amended)\b|"
    r"(?:(?:corrections?|clarifications?)\b.{0,40}?:\s*)?(?:an earlier|a previous) version of this "  # `Correction
    r"(?:article|story|post|piece|report) (?:misstated|incorrectly|misspelled|misidentified|misreported)\b|"  # 8/29/10: …`
    r"(?:correction|clarification)s?\s*:\s*an earlier version of this (?:article|story|post|piece|report)\b|"
    # `Editor's note: The headline has been changed to better reflect …`
    r"editor[’']?s[’']? note\s*:\s*(?:the|this) (?:headline|title|article|story|post|piece|report) (?:has been|was) "
    r"(?:changed|updated|corrected|amended|edited)\b"
)
_CORRECTION_NOTE = re.compile(_CORRECTION_NOTES, re.I)
_OPINION_NOTE = re.compile(
    r".{0,120}\b(?:send|e-?mail|submit) us your (?:writings|articles|submissions|op-eds?|commentar(?:y|ies))\b|"
    r"a version of this (?:article|story|review|column|essay) appear(?:s|ed) in print\b|" + _CORRECTION_NOTES,
    re.I)
# A correction note's own label on the line above it: `Correction: September 19, 2016`, `Clarification`.
_CORRECTION_LABEL = re.compile(r"(?:corrections?|clarifications?)\b[\s:(]*[\w ,./:)-]{0,40}", re.I)
# A correction note runs longer than the other closing notes (`… misstated the number of … The error
# was repeated in …`).
_CORRECTION_MAX = 800

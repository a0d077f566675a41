<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPinScreen</name>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Enter the admin PIN</source>
        <translation>请输入管理密码</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>No admin PIN is set. Set one on this computer with: kiosk --set-admin-pin</source>
        <translation>尚未设置管理密码。请在本机用 kiosk --set-admin-pin 设置。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more try(s) before a wait.</source>
        <translation>
            <numerusform>密码错误。还可再试 %n 次，之后需要等待。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n minute(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 分钟后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Not synced: this kiosk is not enrolled with a server.</source>
        <translation>未同步：本机尚未登记到服务器。</translation>
    </message>
    <message>
        <source>Synced: last pull %1.</source>
        <translation>同步完成：最近一次获取数据 %1。</translation>
    </message>
    <message>
        <source>Not synced: the server cannot be reached. The kiosk keeps trying by itself.</source>
        <translation>未同步：无法连接服务器。本机会自动重试。</translation>
    </message>
    <message>
        <source>No answer from the server yet. The kiosk keeps trying by itself.</source>
        <translation>服务器暂未回应。本机会自动重试。</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Enrol again</source>
        <translation>重新登记</translation>
    </message>
    <message>
        <source>Close the kiosk</source>
        <translation>关闭本机程序</translation>
    </message>
    <message>
        <source>Close the kiosk program?</source>
        <translation>关闭本机程序？</translation>
    </message>
    <message>
        <source>Visitors cannot use this kiosk until it is started again (or the PC restarts).</source>
        <translation>关闭后，群众无法使用本机，直到程序重新启动（或电脑重启）。</translation>
    </message>
    <message>
        <source>Keep it running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Close it</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Sent to the printer (%1). If nothing came out: paper, cover, power.</source>
        <translation>已发送到打印机（%1）。如果没有出纸，请检查纸卷、机盖和电源。</translation>
    </message>
    <message>
        <source>The printer (%1) cannot be reached: is it on, connected, and is the address right?</source>
        <translation>连不上打印机（%1）：请检查是否开机、连线是否插好、地址是否正确。</translation>
    </message>
    <message>
        <source>The printer (%1) says it is out of paper.</source>
        <translation>打印机（%1）显示缺纸。</translation>
    </message>
    <message>
        <source>The printer (%1) stopped answering while printing.</source>
        <translation>打印机（%1）在打印时停止响应。</translation>
    </message>
    <message>
        <source>Syncing with the server…</source>
        <translation>正在与服务器同步…</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>none (not enrolled)</source>
        <translation>无（未登记）</translation>
    </message>
    <message>
        <source>%1 · reachable</source>
        <translation>%1 · 可以连接</translation>
    </message>
    <message>
        <source>%1 · NOT reachable (%2)</source>
        <translation>%1 · 无法连接（%2）</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>上次获取</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>上次发送</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>待发队列</translation>
    </message>
    <message>
        <source>%1 waiting · %2 sent · %3 quarantined</source>
        <translation>待发送 %1 · 已发送 %2 · 已隔离 %3</translation>
    </message>
    <message>
        <source>Sync retries</source>
        <translation>同步重试</translation>
    </message>
    <message>
        <source>%1 unreachable · %2 timed out · %3 cut off · %4 server errors</source>
        <translation>连不上 %1 · 超时 %2 · 中断 %3 · 服务器出错 %4</translation>
    </message>
    <message>
        <source>Disk free</source>
        <translation>磁盘剩余</translation>
    </message>
    <message>
        <source>%1 MB (%2%)</source>
        <translation>%1 MB（%2%）</translation>
    </message>
    <message>
        <source>full: new requests are refused</source>
        <translation>已满：暂停受理新事项</translation>
    </message>
    <message>
        <source>Station data</source>
        <translation>站点数据</translation>
    </message>
    <message>
        <source>the server&apos;s latest was refused, the last good one is shown: %1</source>
        <translation>未采用服务器的最新数据，仍显示上次的有效数据：%1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>DAMAGED: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The database was damaged and moved aside; the kiosk started clean: %1</source>
        <translation>数据库曾损坏，已移到一旁保留，本机已用新数据库重新开始：%1</translation>
    </message>
    <message>
        <source>Log (last 100 lines)</source>
        <translation>日志（最近100行）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Our work</source>
        <translation>我们的工作</translation>
    </message>
    <message>
        <source>%1 opinions collected · %2 problems solved</source>
        <translation>收集意见建议 %1 条 · 解决问题 %2 个</translation>
    </message>
    <message>
        <source>Satisfaction %1%</source>
        <translation>满意率 %1%</translation>
    </message>
    <message>
        <source>Touch the screen to begin</source>
        <translation>请轻触屏幕开始</translation>
    </message>
</context>
<context>
    <name>BlockStep</name>
    <message>
        <source>Where is it? Choose the community, or type the place.</source>
        <translation>在哪里？请选择社区，或输入地点。</translation>
    </message>
    <message>
        <source>Or type a community, street or building</source>
        <translation>或输入社区、街道、楼宇名称</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>CategoryStep</name>
    <message>
        <source>What is your matter about?</source>
        <translation>您要反映哪方面的问题？</translation>
    </message>
    <message>
        <source>Cannot type? Leave a number, we call back</source>
        <translation>不方便打字？留下电话，我们回电</translation>
    </message>
    <message>
        <source>Choose the kind of matter above, then your number</source>
        <translation>先在上面选问题类别，再留电话</translation>
    </message>
</context>
<context>
    <name>ConsentStep</name>
    <message>
        <source>Your personal information</source>
        <translation>关于您的个人信息</translation>
    </message>
    <message>
        <source>What we collect: your phone number and the kind of matter you chose.</source>
        <translation>收集什么：您的电话号码和您选择的问题类别。</translation>
    </message>
    <message>
        <source>What we collect: your name, your phone number and what you write here.</source>
        <translation>收集什么：您的称呼、电话号码和您在这里填写的内容。</translation>
    </message>
    <message>
        <source>Why: so that the deputies and the liaison office can handle your matter, reply to you and let you follow its progress.</source>
        <translation>用途：供代表和人大联络机构办理您反映的事项、答复您，并让您查询办理进度。</translation>
    </message>
    <message>
        <source>Who sees it: the deputies of this station and the staff of the liaison office who handle your matter. It is locked on this kiosk so that only the liaison office can read it, and is removed from this kiosk once sent.</source>
        <translation>谁能看到：本站代表和办理此事的人大联络机构工作人员。信息在本机加密保存，只有人大联络机构能够解开，发送后即从本机删除。</translation>
    </message>
    <message>
        <source>How long: kept for 3 years after your matter is closed, then deleted.</source>
        <translation>保存多久：事项办结后保存3年，然后删除。</translation>
    </message>
    <message>
        <source>You may ask the station staff to see, correct or delete it.</source>
        <translation>您可以请联络站工作人员查阅、更正或删除您的信息。</translation>
    </message>
    <message>
        <source>I do not agree</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Nothing is saved</source>
        <translation>不保存任何内容</translation>
    </message>
    <message>
        <source>Not agreeing?</source>
        <translation>不同意吗？</translation>
    </message>
    <message>
        <source>Without your agreement nothing is saved and the station cannot contact you about it.</source>
        <translation>不同意的话，您填写的内容不会保存，联络站也无法就此事联系您。</translation>
    </message>
    <message>
        <source>You can instead call the station at %1, talk to the staff, or come to a reception day and speak to a deputy in person.</source>
        <translation>您也可以拨打联络站电话 %1，找工作人员帮忙，或在接待日当面向代表反映。</translation>
    </message>
    <message>
        <source>You can instead talk to the staff, or come to a reception day and speak to a deputy in person.</source>
        <translation>您也可以找工作人员帮忙，或在接待日当面向代表反映。</translation>
    </message>
    <message>
        <source>Back to the agreement</source>
        <translation>返回查看说明</translation>
    </message>
    <message>
        <source>Do not agree, go home</source>
        <translation>不同意，回首页</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>I agree, submit</source>
        <translation>同意并提交</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>同意</translation>
    </message>
</context>
<context>
    <name>ContactStep</name>
    <message>
        <source>Your phone number: we will call you back.</source>
        <translation>请留下电话号码，我们会给您回电。</translation>
    </message>
    <message>
        <source>How can we reach you?</source>
        <translation>我们怎样联系您？</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的称呼</translation>
    </message>
    <message>
        <source>e.g. 王阿姨, 李先生</source>
        <translation>例如：王阿姨、李先生</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Mobile (or landline with area code)</source>
        <translation>手机号码（或带区号的固定电话）</translation>
    </message>
    <message>
        <source>What would you like to talk about? (optional)</source>
        <translation>想谈什么事？（可不填）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>DayStep</name>
    <message>
        <source>On which reception day would you like to meet %1?</source>
        <translation>您想在哪个接待日约见%1？</translation>
    </message>
    <message>
        <source>This deputy has no reception day scheduled. Please choose another deputy.</source>
        <translation>这位代表暂无接待日安排，请选择其他代表。</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>DeputyConsoleScreen</name>
    <message>
        <source>Duty console</source>
        <translation>值班工作台</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已签到</translation>
    </message>
    <message numerus="yes">
        <source>%n reception record(s) today</source>
        <translation>
            <numerusform>今天已登记 %n 条接待记录</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to answer, %2 overdue</source>
        <translation>%1 件待回复，%2 件已超期</translation>
    </message>
    <message>
        <source>%1 to answer, %2 due soon</source>
        <translation>%1 件待回复，%2 件临期</translation>
    </message>
    <message>
        <source>%1 to answer</source>
        <translation>%1 件待回复</translation>
    </message>
    <message>
        <source>Nothing waits for your answer</source>
        <translation>没有待回复的事项</translation>
    </message>
    <message>
        <source>Scan with your phone to open your items, reply and see your duty record.</source>
        <translation>用手机扫码，打开我的事项：答复群众、查看履职档案。</translation>
    </message>
    <message>
        <source>Record a reception</source>
        <translation>登记接待</translation>
    </message>
    <message>
        <source>Visitors, topic, notes</source>
        <translation>人数、主题、记录</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>正在签退…</translation>
    </message>
    <message>
        <source>Signing out did not work. Please try again.</source>
        <translation>签退未成功，请重试。</translation>
    </message>
    <message>
        <source>Home keeps you signed in; open the console again with your PIN.</source>
        <translation>回到首页仍保持签到；再次输入密码即可回到工作台。</translation>
    </message>
    <message>
        <source>Appeals taken here today</source>
        <translation>今天本机受理的诉求</translation>
    </message>
    <message>
        <source>No appeals have been taken at this screen today.</source>
        <translation>今天本机还没有受理诉求。</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>请回电</translation>
    </message>
    <message>
        <source>Appointment requests</source>
        <translation>约见申请</translation>
    </message>
    <message>
        <source>This request can no longer be answered.</source>
        <translation>这条申请已不能再答复。</translation>
    </message>
    <message>
        <source>The answer could not be saved. Please try again.</source>
        <translation>答复未能保存，请重试。</translation>
    </message>
    <message>
        <source>No appointment requests</source>
        <translation>暂无约见申请</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已婉拒</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已会见</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>婉拒</translation>
    </message>
</context>
<context>
    <name>DeputyPhoto</name>
    <message>
        <source>Present</source>
        <translation>在站</translation>
    </message>
</context>
<context>
    <name>DeputyScreen</name>
    <message>
        <source>Constituency</source>
        <translation>选区</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>Linked communities</source>
        <translation>联系区块</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Next reception days</source>
        <translation>近期接待日</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>No reception day scheduled yet.</source>
        <translation>暂未安排接待日。</translation>
    </message>
    <message>
        <source>Reach your deputy by QR code</source>
        <translation>码上找代表</translation>
    </message>
    <message>
        <source>Scan with WeChat to leave this deputy a message</source>
        <translation>用微信扫一扫，给代表留言</translation>
    </message>
</context>
<context>
    <name>DeputySignInScreen</name>
    <message>
        <source>Deputy sign-in</source>
        <translation>代表签到</translation>
    </message>
    <message>
        <source>Tap your photo to sign in.</source>
        <translation>请点击您的照片签到。</translation>
    </message>
    <message>
        <source>On duty today</source>
        <translation>今日值班代表</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>请输入签到密码</translation>
    </message>
    <message>
        <source>Not you? Choose again</source>
        <translation>不是您？重新选择</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>That did not work. Please try again.</source>
        <translation>未能签到，请重试。</translation>
    </message>
    <message numerus="yes">
        <source>Too many tries. Please wait %n minute(s).</source>
        <translation>
            <numerusform>尝试次数过多，请等待 %n 分钟。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many tries. Please wait %n second(s).</source>
        <translation>
            <numerusform>尝试次数过多，请等待 %n 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>A PIN has 6 to 8 digits.</source>
        <translation>密码为6至8位数字。</translation>
    </message>
    <message>
        <source>The kiosk is still starting. Please try again in a moment.</source>
        <translation>设备正在启动，请稍后再试。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
</context>
<context>
    <name>DeputyStep</name>
    <message>
        <source>Which deputy would you like to meet?</source>
        <translation>您想约见哪位代表？</translation>
    </message>
    <message>
        <source>Is it for a particular deputy? (optional)</source>
        <translation>想请哪位代表办理？（可不选）</translation>
    </message>
    <message>
        <source>Any deputy</source>
        <translation>不指定代表</translation>
    </message>
    <message>
        <source>The station passes it on</source>
        <translation>由联络站转交</translation>
    </message>
</context>
<context>
    <name>DirectoryScreen</name>
    <message>
        <source>Find a deputy</source>
        <translation>找代表</translation>
    </message>
    <message numerus="yes">
        <source>%n deputies</source>
        <translation>
            <numerusform>%n位代表</numerusform>
        </translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Type a name, constituency or community</source>
        <translation>输入姓名、选区或社区</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>No deputy matches. Try fewer characters, or choose &quot;All&quot;.</source>
        <translation>没有找到符合条件的代表。请少输入几个字，或选择“全部”。</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Set up this kiosk</source>
        <translation>设置本机</translation>
    </message>
    <message>
        <source>Enter the central server&apos;s address and the enrolment code from the central office.</source>
        <translation>请输入中心服务器地址和中心办公室提供的登记码。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation>正在联系服务器…</translation>
    </message>
    <message>
        <source>The address must start with https:// (http:// only for a server on this computer).</source>
        <translation>地址必须以 https:// 开头（只有本机上的服务器才可以用 http://）。</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the network cable or Wi-Fi, and that the address is right.</source>
        <translation>连不上服务器。请检查网线或无线网络，并核对地址是否正确。</translation>
    </message>
    <message>
        <source>No secure (TLS) connection to the server could be made. Check the address and this computer&apos;s date and time, or ask the central office for their certificate file.</source>
        <translation>无法与服务器建立安全连接（TLS）。请核对地址和本机的日期时间，或向中心办公室索取证书文件。</translation>
    </message>
    <message>
        <source>The server did not accept this enrolment code. A code works once and for 7 days: ask the central office for a new one.</source>
        <translation>服务器不接受这个登记码。每个登记码只能用一次，7天内有效，请向中心办公室要一个新的。</translation>
    </message>
    <message>
        <source>The server has a problem right now. Please try again in a few minutes.</source>
        <translation>服务器暂时出了问题，请过几分钟再试。</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>A made-up station, to try the kiosk</source>
        <translation>虚构的站点，用来试用</translation>
    </message>
</context>
<context>
    <name>FormLabels</name>
    <message>
        <source>Please fill this in; it cannot be left empty or only spaces.</source>
        <translation>请填写此项，不能为空，也不能只有空格。</translation>
    </message>
    <message>
        <source>Too long: please shorten it to at most %1 characters. What you typed is kept.</source>
        <translation>内容太长：请删减到最多%1个字。您输入的内容都还在。</translation>
    </message>
    <message>
        <source>Please leave out emoji and pictures; use words only.</source>
        <translation>请不要使用表情符号或图案，只用文字。</translation>
    </message>
    <message>
        <source>The text contains invisible control characters; please type it again.</source>
        <translation>内容里有看不见的控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>The text contains invisible direction marks; please type it again.</source>
        <translation>内容里有看不见的文字方向标记，请重新输入。</translation>
    </message>
    <message>
        <source>A phone number has digits only.</source>
        <translation>电话号码只能是数字。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 13 to 19.</source>
        <translation>手机号码是11位数字，以13至19开头。</translation>
    </message>
    <message>
        <source>Please give an 11-digit mobile number, or a landline with its area code (e.g. 0571 8888 1234).</source>
        <translation>请填写11位手机号码，或带区号的固定电话（例如 0571 8888 1234）。</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>请检查此项。</translation>
    </message>
    <message>
        <source>Could not save: this kiosk&apos;s storage is full. Nothing was saved and your form is kept. Please tell the station staff.</source>
        <translation>无法保存：本机存储空间已满。没有保存任何内容，您填写的内容都还在。请告诉联络站工作人员。</translation>
    </message>
    <message>
        <source>Could not save because of a fault in this kiosk. Nothing was saved and your form is kept. Please try again or tell the station staff.</source>
        <translation>本机出现故障，无法保存。没有保存任何内容，您填写的内容都还在。请再试一次或告诉联络站工作人员。</translation>
    </message>
    <message>
        <source>The kiosk is still starting. Please try again in a moment.</source>
        <translation>设备正在启动，请稍后再试。</translation>
    </message>
    <message>
        <source>This kiosk is not connected to the liaison office yet, so it cannot take submissions. Please tell the station staff.</source>
        <translation>本机尚未接入人大联络机构，暂时不能提交。请告诉联络站工作人员。</translation>
    </message>
    <message>
        <source>Something is missing. Please go back and check the steps.</source>
        <translation>还有内容没有填写，请返回检查各步骤。</translation>
    </message>
    <message>
        <source>Could not save. Your form is kept.</source>
        <translation>无法保存。您填写的内容都还在。</translation>
    </message>
    <message>
        <source>Please type the tracking code from your receipt.</source>
        <translation>请输入回执上的查询码。</translation>
    </message>
    <message>
        <source>This is not a valid tracking code. Please check each character on your receipt.</source>
        <translation>这不是有效的查询码，请逐个核对回执上的字符。</translation>
    </message>
    <message>
        <source>Please type the last 4 digits of the phone number you left.</source>
        <translation>请输入您留下的电话号码的后4位。</translation>
    </message>
    <message>
        <source>No match here for this code and these digits, and the liaison office cannot be asked right now. Please check both, try again later, or scan the QR code on your receipt.</source>
        <translation>本机没有与此查询码和电话后4位相符的记录，暂时也无法向联络站询问。请核对后稍后再试，或用手机扫描回执上的二维码查询。</translation>
    </message>
    <message>
        <source>The code and the last 4 digits do not match. Please check both.</source>
        <translation>查询码与电话后4位不符，请核对后再试。</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries. Please wait %n minute(s) and try again, or ask the station staff.</source>
        <translation>
            <numerusform>错误次数太多，请%n分钟后再试，或咨询联络站工作人员。</numerusform>
        </translation>
    </message>
    <message>
        <source>The kiosk could not read its records. Please ask the station staff.</source>
        <translation>本机无法读取记录，请咨询联络站工作人员。</translation>
    </message>
    <message>
        <source>Submitted here, waiting to be sent</source>
        <translation>已在本机提交，等待发送</translation>
    </message>
    <message>
        <source>Sent to the liaison office</source>
        <translation>已发送至人大联络机构</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Assigned to a deputy</source>
        <translation>已交代表办理</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>代表已答复</translation>
    </message>
    <message>
        <source>Referred to a department</source>
        <translation>已转有关部门</translation>
    </message>
    <message>
        <source>Department&apos;s answer passed on</source>
        <translation>已反馈部门办理结果</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>未能安排</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已约见</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>反映问题</translation>
    </message>
    <message>
        <source>Call me back</source>
        <translation>请回电</translation>
    </message>
    <message>
        <source>Meet a deputy</source>
        <translation>约见代表</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <source>Discard what you have entered?</source>
        <translation>放弃填写的内容？</translation>
    </message>
    <message>
        <source>What you entered on this form is not saved and will be deleted.</source>
        <translation>您在本表中填写的内容尚未提交，离开后将被删除。</translation>
    </message>
    <message>
        <source>Continue filling in</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第%1步，共%2步</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>This kiosk is not set up yet</source>
        <translation>本机尚未设置站点</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已联网</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n waiting to send</source>
        <translation>
            <numerusform>未联网 · %n 条待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>未联网</translation>
    </message>
    <message>
        <source>Not enrolled with the server</source>
        <translation>未登记到服务器</translation>
    </message>
    <message>
        <source>On duty today</source>
        <translation>今日值班代表</translation>
    </message>
    <message>
        <source>On duty on the next reception day</source>
        <translation>下次接待日值班代表</translation>
    </message>
    <message>
        <source>No reception today. The next reception day is %1.</source>
        <translation>今天没有安排接待，下次接待日是%1。</translation>
    </message>
    <message>
        <source>No reception day is scheduled.</source>
        <translation>暂未安排接待日。</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Present</source>
        <translation>在站</translation>
    </message>
    <message>
        <source>Also at the station today: %1</source>
        <translation>今天另有代表在站：%1</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Next reception days</source>
        <translation>近期接待日</translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>Find a deputy</source>
        <translation>找代表</translation>
    </message>
    <message>
        <source>By name, level, constituency or community</source>
        <translation>按姓名、级别、选区或社区查找</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>反映问题</translation>
    </message>
    <message>
        <source>Or leave a number and we call back</source>
        <translation>也可留下电话等回电</translation>
    </message>
    <message>
        <source>Meet a deputy</source>
        <translation>约见代表</translation>
    </message>
    <message>
        <source>Ask for an appointment on a reception day</source>
        <translation>预约接待日见面</translation>
    </message>
    <message>
        <source>Track progress</source>
        <translation>查询进度</translation>
    </message>
    <message>
        <source>With the code on your receipt</source>
        <translation>凭回执上的查询码</translation>
    </message>
    <message>
        <source>Reception days</source>
        <translation>接待日安排</translation>
    </message>
    <message>
        <source>Calendar, themes, who is on duty</source>
        <translation>日历、接待主题、值班代表</translation>
    </message>
    <message>
        <source>About this station</source>
        <translation>站点介绍</translation>
    </message>
    <message>
        <source>Address, opening hours, rules, notices</source>
        <translation>地址、开放时间、制度、公告</translation>
    </message>
    <message>
        <source>Call me back</source>
        <translation>请回电</translation>
    </message>
    <message>
        <source>Leave a number, no typing</source>
        <translation>留个电话，不用打字</translation>
    </message>
    <message>
        <source>Deputy sign-in</source>
        <translation>代表签到</translation>
    </message>
    <message>
        <source>For duty deputies, with a PIN</source>
        <translation>值班代表凭密码签到</translation>
    </message>
</context>
<context>
    <name>KeyPad</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>National People&apos;s Congress deputy</source>
        <translation>全国人大代表</translation>
    </message>
    <message>
        <source>Provincial people&apos;s congress deputy</source>
        <translation>省人大代表</translation>
    </message>
    <message>
        <source>City people&apos;s congress deputy</source>
        <translation>市人大代表</translation>
    </message>
    <message>
        <source>District/county people&apos;s congress deputy</source>
        <translation>区（县）人大代表</translation>
    </message>
    <message>
        <source>Township people&apos;s congress deputy</source>
        <translation>乡镇人大代表</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>National</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>District/county</source>
        <translation>区县级</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇级</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Deputies&apos; home</source>
        <translation>人大代表之家</translation>
    </message>
    <message>
        <source>Deputy liaison station</source>
        <translation>人大代表联络站</translation>
    </message>
    <message>
        <source>Deputy contact point</source>
        <translation>人大代表联系点</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>On duty: %1</source>
        <translation>值班代表：%1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Deputy liaison station</source>
        <translation>人大代表联络站</translation>
    </message>
    <message>
        <source>Sorry, this kiosk cannot take new requests right now: its storage is full. Please ask the staff, or call the station.</source>
        <translation>抱歉，本机存储空间已满，暂时不能受理新的事项。请联系工作人员，或拨打站点电话。</translation>
    </message>
    <message numerus="yes">
        <source>Still there? You will be signed out in %n second(s).</source>
        <translation>
            <numerusform>还在吗？%n 秒后将自动签退。</numerusform>
        </translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>我还在</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message numerus="yes">
        <source>In %n second(s) this page is cleared and the home screen shows.</source>
        <translation>
            <numerusform>%n 秒后将清除本页内容，回到首页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>PageButtons</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <source>Track progress</source>
        <translation>查询进度</translation>
    </message>
    <message>
        <source>Tracking code (on your receipt)</source>
        <translation>查询码（见回执）</translation>
    </message>
    <message>
        <source>Last 4 digits of your phone number</source>
        <translation>电话号码后4位</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Appointment request</source>
        <translation>约见申请</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Your matter</source>
        <translation>您反映的事项</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>Meeting %1 on %2</source>
        <translation>约见 %1 代表：%2</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按期</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Next step due by %1</source>
        <translation>下一步办理期限：%1</translation>
    </message>
    <message>
        <source>As of the last update from the liaison office: %1.</source>
        <translation>以上为人大联络机构最近一次更新的情况：%1。</translation>
    </message>
    <message>
        <source>This kiosk has not received any update from the liaison office yet; newer progress may exist.</source>
        <translation>本机尚未收到人大联络机构的更新，实际进度可能更新。</translation>
    </message>
    <message>
        <source>Look up another</source>
        <translation>查询其他</translation>
    </message>
</context>
<context>
    <name>ReadAloudButton</name>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Read-aloud unavailable</source>
        <translation>朗读不可用</translation>
    </message>
</context>
<context>
    <name>ReadingChoices</name>
    <message>
        <source>Large text</source>
        <translation>大字</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Submitted</source>
        <translation>提交成功</translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>Station phone: %1</source>
        <translation>联络站电话：%1</translation>
    </message>
    <message>
        <source>Leave the receipt?</source>
        <translation>离开回执页面？</translation>
    </message>
    <message>
        <source>Have you noted your tracking code %1? You need it to follow your matter.</source>
        <translation>您记下查询码 %1 了吗？查询办理进度时需要用到它。</translation>
    </message>
    <message>
        <source>Stay on the receipt</source>
        <translation>留在回执页面</translation>
    </message>
    <message>
        <source>I noted it, leave</source>
        <translation>已记下，离开</translation>
    </message>
    <message>
        <source>Your appointment request is saved. The station will confirm it by phone.</source>
        <translation>您的约见申请已保存，联络站将电话与您确认。</translation>
    </message>
    <message>
        <source>Your request is saved. We will call you back.</source>
        <translation>您的回电请求已保存，我们会给您回电。</translation>
    </message>
    <message>
        <source>Your matter is saved and will be passed on.</source>
        <translation>您反映的问题已保存，将转交办理。</translation>
    </message>
    <message>
        <source>Meeting %1 on %2</source>
        <translation>约见 %1 代表：%2</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>再打印一张</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印凭条</translation>
    </message>
    <message>
        <source>Printed: please take your receipt.</source>
        <translation>已打印，请取走凭条。</translation>
    </message>
    <message>
        <source>The printer is out of paper. Please note the code down; the staff can help.</source>
        <translation>打印机没有纸了。请记下查询码，也可以请工作人员帮忙。</translation>
    </message>
    <message>
        <source>The printer is not working. Please note the code down; the staff can help.</source>
        <translation>打印机暂时不能用。请记下查询码，也可以请工作人员帮忙。</translation>
    </message>
    <message>
        <source>Your tracking code (please note it down):</source>
        <translation>您的查询码（请记下）：</translation>
    </message>
    <message>
        <source>You will get a reply within 3 working days, by %1.</source>
        <translation>3个工作日内答复您，最迟%1。</translation>
    </message>
    <message>
        <source>To see how it goes: tap &quot;Track progress&quot; on the home screen and type this code and the last 4 digits of your phone number.</source>
        <translation>查询办理进度：在首页点“查询进度”，输入此查询码和您电话号码的后4位。</translation>
    </message>
    <message>
        <source>Scan with WeChat to follow it on your phone</source>
        <translation>用微信扫码，在手机上查看进度</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ReceptionDayItem</name>
    <message>
        <source>(moved from %1)</source>
        <translation>（由%1改期）</translation>
    </message>
    <message>
        <source>%1 · Theme: %2</source>
        <translation>%1 · 主题：%2</translation>
    </message>
    <message>
        <source>On duty: %1</source>
        <translation>值班代表：%1</translation>
    </message>
</context>
<context>
    <name>ReceptionDetail</name>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>本次接待取消</translation>
    </message>
    <message>
        <source>Moved to %1 because of %2</source>
        <translation>因%2顺延至%1</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>改期至%1</translation>
    </message>
    <message>
        <source>Moved here from %1 because of %2</source>
        <translation>原定%1，因%2顺延</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>时间调整</translation>
    </message>
    <message>
        <source>Moved here from %1</source>
        <translation>原定%1，现改期</translation>
    </message>
    <message>
        <source>Held although it is a public holiday (%1)</source>
        <translation>适逢%1假期，照常接待</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>接待主题：%1</translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <source>Invited departments: %1</source>
        <translation>邀请部门：%1</translation>
    </message>
</context>
<context>
    <name>ReceptionRecordScreen</name>
    <message>
        <source>Reception record</source>
        <translation>接待登记</translation>
    </message>
    <message>
        <source>Say how many visitors came (1 to 999).</source>
        <translation>请填写来访人数（1至999）。</translation>
    </message>
    <message>
        <source>Please write the topic.</source>
        <translation>请填写接待主题。</translation>
    </message>
    <message>
        <source>The topic is too long (at most 100 characters).</source>
        <translation>主题太长（最多100字）。</translation>
    </message>
    <message>
        <source>The notes are too long (at most 2000 characters).</source>
        <translation>记录内容太长（最多2000字）。</translation>
    </message>
    <message>
        <source>A tracking code has a typing mistake. Please check it.</source>
        <translation>追踪码有误，请核对。</translation>
    </message>
    <message>
        <source>At most 20 tracking codes.</source>
        <translation>最多关联20个追踪码。</translation>
    </message>
    <message>
        <source>This kiosk is not enrolled with the server, so the record cannot be sealed and saved.</source>
        <translation>本机尚未在服务器登记，记录无法加密保存。</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>请重新签到。</translation>
    </message>
    <message>
        <source>The record could not be saved. Please try again.</source>
        <translation>接待记录未能保存，请重试。</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>来访人数</translation>
    </message>
    <message>
        <source>Linked appeals</source>
        <translation>关联诉求</translation>
    </message>
    <message>
        <source>Tap today&apos;s appeals that this reception was about:</source>
        <translation>点击本次接待涉及的今日诉求：</translation>
    </message>
    <message>
        <source>Other tracking codes, e.g. K7Q-M4X-PD8</source>
        <translation>其他追踪码，如 K7Q-M4X-PD8</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>接待主题</translation>
    </message>
    <message>
        <source>What the visitors raised, in a few words</source>
        <translation>简要写明群众反映的事项</translation>
    </message>
    <message>
        <source>Notes (sealed, only the central office can read them)</source>
        <translation>接待记录（加密保存，仅人大办公室可阅）</translation>
    </message>
    <message>
        <source>What was said and agreed</source>
        <translation>反映的情况和答复意见</translation>
    </message>
    <message>
        <source>Save the record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Please check before submitting</source>
        <translation>提交前请核对</translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Reception day</source>
        <translation>接待日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>接待主题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Any deputy</source>
        <translation>不指定代表</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>ScheduleScreen</name>
    <message>
        <source>Reception days</source>
        <translation>接待日安排</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>月历</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>The %1 holiday arrangement has not been published yet: holidays and make-up workdays are not marked.</source>
        <translation>%1年节假日安排尚未发布，日历中暂未标注放假和调休。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>休</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Workday</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>有变动</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1（今天）</translation>
    </message>
    <message>
        <source>Public holiday: %1</source>
        <translation>法定节假日：%1</translation>
    </message>
    <message>
        <source>Make-up workday (%1)</source>
        <translation>调休上班日（%1）</translation>
    </message>
    <message>
        <source>No reception on this day.</source>
        <translation>这一天没有安排接待。</translation>
    </message>
    <message>
        <source>No reception day in this month.</source>
        <translation>本月没有安排接待。</translation>
    </message>
</context>
<context>
    <name>ScreenFrame</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>StationInfoScreen</name>
    <message>
        <source>About this station</source>
        <translation>站点介绍</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>. </source>
        <translation>。</translation>
    </message>
    <message>
        <source>opinions collected</source>
        <translation>收集意见建议</translation>
    </message>
    <message>
        <source>problems solved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>群众满意率</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>reception days held</source>
        <translation>已开展接待日</translation>
    </message>
    <message>
        <source>deputies present now</source>
        <translation>在站代表</translation>
    </message>
    <message>
        <source>appeals taken here</source>
        <translation>本机受理诉求</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Solved and satisfaction: %1, as the server reported on %2.</source>
        <translation>办结数和满意率：%1，服务器于 %2 报告。</translation>
    </message>
    <message>
        <source>Solved and satisfaction: not yet synced with the server.</source>
        <translation>办结数和满意率：尚未与服务器同步。</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>工作制度</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>公告</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>TextStep</name>
    <message>
        <source>What happened? Where and since when?</source>
        <translation>发生了什么？在哪里？从什么时候开始？</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Tap here and type with the keyboard below (Pinyin).</source>
        <translation>点这里，用下方键盘（拼音）输入。</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Cannot type?</source>
        <translation>不方便打字？</translation>
    </message>
    <message>
        <source>Leave a number, we call back</source>
        <translation>留下电话，我们回电</translation>
    </message>
</context>
</TS>

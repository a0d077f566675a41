<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
    <context>
        <name>AdminPinScreen</name>
        <message>
            <source>Maintenance</source>
            <translation>維護</translation>
        </message>
        <message>
            <source>Enter the admin PIN</source>
            <translation>請輸入管理密碼</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在核對…</translation>
        </message>
        <message>
            <source>No admin PIN is set. Set one on this computer with: kiosk --set-admin-pin</source>
            <translation>尚未設定管理密碼。請在本機用 kiosk --set-admin-pin 設定。</translation>
        </message>
        <message numerus="yes">
            <source>Wrong PIN. %n more try(s) before a wait.</source>
            <translation>
                <numerusform>密碼錯誤。還可再試 %n 次，之後需要等待。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. Try again in %n second(s).</source>
            <translation>
                <numerusform>密碼錯誤次數過多，請 %n 秒後再試。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. Try again in %n minute(s).</source>
            <translation>
                <numerusform>密碼錯誤次數過多，請 %n 分鐘後再試。</numerusform>
            </translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>確定</translation>
        </message>
    </context>
    <context>
        <name>AdminScreen</name>
        <message>
            <source>Maintenance</source>
            <translation>維護</translation>
        </message>
        <message>
            <source>Not synced: this kiosk is not enrolled with a server.</source>
            <translation>未同步：本機尚未登記到伺服器。</translation>
        </message>
        <message>
            <source>Synced: last pull %1.</source>
            <translation>同步完成：最近一次獲取資料 %1。</translation>
        </message>
        <message>
            <source>Not synced: the server cannot be reached. The kiosk keeps trying by itself.</source>
            <translation>未同步：無法連線伺服器。本機會自動重試。</translation>
        </message>
        <message>
            <source>No answer from the server yet. The kiosk keeps trying by itself.</source>
            <translation>伺服器暫未回應。本機會自動重試。</translation>
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
            <translation>正在核對…</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>重新檢查</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>正在列印…</translation>
        </message>
        <message>
            <source>Print a test page</source>
            <translation>列印測試頁</translation>
        </message>
        <message>
            <source>Enrol again</source>
            <translation>重新登記</translation>
        </message>
        <message>
            <source>Close the kiosk</source>
            <translation>關閉本機程式</translation>
        </message>
        <message>
            <source>Close the kiosk program?</source>
            <translation>關閉本機程式？</translation>
        </message>
        <message>
            <source>Visitors cannot use this kiosk until it is started again (or the PC restarts).</source>
            <translation>關閉後，群眾無法使用本機，直到程式重新啟動（或電腦重啟）。</translation>
        </message>
        <message>
            <source>Keep it running</source>
            <translation>繼續執行</translation>
        </message>
        <message>
            <source>Close it</source>
            <translation>關閉</translation>
        </message>
        <message>
            <source>Sent to the printer (%1). If nothing came out: paper, cover, power.</source>
            <translation>已傳送到印表機（%1）。如果沒有出紙，請檢查紙卷、機蓋和電源。</translation>
        </message>
        <message>
            <source>The printer (%1) cannot be reached: is it on, connected, and is the address right?</source>
            <translation>連不上印表機（%1）：請檢查是否開機、連線是否插好、地址是否正確。</translation>
        </message>
        <message>
            <source>The printer (%1) says it is out of paper.</source>
            <translation>印表機（%1）顯示缺紙。</translation>
        </message>
        <message>
            <source>The printer (%1) stopped answering while printing.</source>
            <translation>印表機（%1）在列印時停止響應。</translation>
        </message>
        <message>
            <source>Syncing with the server…</source>
            <translation>正在與伺服器同步…</translation>
        </message>
        <message>
            <source>This kiosk</source>
            <translation>本機</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>站點</translation>
        </message>
        <message>
            <source>not set up</source>
            <translation>未設定</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>伺服器</translation>
        </message>
        <message>
            <source>none (not enrolled)</source>
            <translation>無（未登記）</translation>
        </message>
        <message>
            <source>%1 · reachable</source>
            <translation>%1 · 可以連線</translation>
        </message>
        <message>
            <source>%1 · NOT reachable (%2)</source>
            <translation>%1 · 無法連線（%2）</translation>
        </message>
        <message>
            <source>Last pull</source>
            <translation>上次獲取</translation>
        </message>
        <message>
            <source>never</source>
            <translation>從未</translation>
        </message>
        <message>
            <source>Last push</source>
            <translation>上次傳送</translation>
        </message>
        <message>
            <source>Outbox</source>
            <translation>待發佇列</translation>
        </message>
        <message>
            <source>%1 waiting · %2 sent · %3 quarantined</source>
            <translation>待發送 %1 · 已傳送 %2 · 已隔離 %3</translation>
        </message>
        <message>
            <source>Sync retries</source>
            <translation>同步重試</translation>
        </message>
        <message>
            <source>%1 unreachable · %2 timed out · %3 cut off · %4 server errors</source>
            <translation>連不上 %1 · 逾時 %2 · 中斷 %3 · 伺服器出錯 %4</translation>
        </message>
        <message>
            <source>Disk free</source>
            <translation>磁碟剩餘</translation>
        </message>
        <message>
            <source>%1 MB (%2%)</source>
            <translation>%1 MB（%2%）</translation>
        </message>
        <message>
            <source>full: new requests are refused</source>
            <translation>已滿：暫停受理新事項</translation>
        </message>
        <message>
            <source>Station data</source>
            <translation>站點資料</translation>
        </message>
        <message>
            <source>the server's latest was refused, the last good one is shown: %1</source>
            <translation>未採用伺服器的最新資料，仍顯示上次的有效資料：%1</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>資料庫</translation>
        </message>
        <message>
            <source>DAMAGED: %1</source>
            <translation>已損壞：%1</translation>
        </message>
        <message>
            <source>intact</source>
            <translation>完好</translation>
        </message>
        <message>
            <source>Recovered</source>
            <translation>已恢復</translation>
        </message>
        <message>
            <source>The database was damaged and moved aside; the kiosk started clean: %1</source>
            <translation>資料庫曾損壞，已移到一旁保留，本機已用新資料庫重新開始：%1</translation>
        </message>
        <message>
            <source>Log (last 100 lines)</source>
            <translation>日誌（最近100行）</translation>
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
            <translation>我們的工作</translation>
        </message>
        <message>
            <source>%1 opinions collected · %2 problems solved</source>
            <translation>收集意見建議 %1 條 · 解決問題 %2 個</translation>
        </message>
        <message>
            <source>Satisfaction %1%</source>
            <translation>滿意率 %1%</translation>
        </message>
        <message>
            <source>Touch the screen to begin</source>
            <translation>請輕觸螢幕開始</translation>
        </message>
    </context>
    <context>
        <name>BlockStep</name>
        <message>
            <source>Where is it? Choose the community, or type the place.</source>
            <translation>在哪裡？請選擇社區，或輸入地點。</translation>
        </message>
        <message>
            <source>Or type a community, street or building</source>
            <translation>或輸入社區、街道、樓宇名稱</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一頁</translation>
        </message>
    </context>
    <context>
        <name>CategoryStep</name>
        <message>
            <source>What is your matter about?</source>
            <translation>您要反映哪方面的問題？</translation>
        </message>
        <message>
            <source>Cannot type? Leave a number, we call back</source>
            <translation>不方便打字？留下電話，我們回電</translation>
        </message>
        <message>
            <source>Choose the kind of matter above, then your number</source>
            <translation>先在上面選問題類別，再留電話</translation>
        </message>
    </context>
    <context>
        <name>ConsentStep</name>
        <message>
            <source>Your personal information</source>
            <translation>關於您的個人資訊</translation>
        </message>
        <message>
            <source>What we collect: your phone number and the kind of matter you chose.</source>
            <translation>收集什麼：您的電話號碼和您選擇的問題類別。</translation>
        </message>
        <message>
            <source>What we collect: your name, your phone number and what you write here.</source>
            <translation>收集什麼：您的稱呼、電話號碼和您在這裡填寫的內容。</translation>
        </message>
        <message>
            <source>Why: so that the deputies and the liaison office can handle your matter, reply to you and let you follow its progress.</source>
            <translation>用途：供代表和人大聯絡機構辦理您反映的事項、答覆您，並讓您查詢辦理進度。</translation>
        </message>
        <message>
            <source>Who sees it: the deputies of this station and the staff of the liaison office who handle your matter. It is locked on this kiosk so that only the liaison office can read it, and is removed from this kiosk once sent.</source>
            <translation>誰能看到：本站代表和辦理此事的人大聯絡機構工作人員。資訊在本機加密儲存，只有人大聯絡機構能夠解開，傳送後即從本機刪除。</translation>
        </message>
        <message>
            <source>How long: kept for 3 years after your matter is closed, then deleted.</source>
            <translation>儲存多久：事項辦結後儲存3年，然後刪除。</translation>
        </message>
        <message>
            <source>You may ask the station staff to see, correct or delete it.</source>
            <translation>您可以請聯絡站工作人員查閱、更正或刪除您的資訊。</translation>
        </message>
        <message>
            <source>I do not agree</source>
            <translation>不同意</translation>
        </message>
        <message>
            <source>Nothing is saved</source>
            <translation>不儲存任何內容</translation>
        </message>
        <message>
            <source>Not agreeing?</source>
            <translation>不同意嗎？</translation>
        </message>
        <message>
            <source>Without your agreement nothing is saved and the station cannot contact you about it.</source>
            <translation>不同意的話，您填寫的內容不會儲存，聯絡站也無法就此事聯絡您。</translation>
        </message>
        <message>
            <source>You can instead call the station at %1, talk to the staff, or come to a reception day and speak to a deputy in person.</source>
            <translation>您也可以撥打聯絡站電話 %1，找工作人員幫忙，或在接待日當面向代表反映。</translation>
        </message>
        <message>
            <source>You can instead talk to the staff, or come to a reception day and speak to a deputy in person.</source>
            <translation>您也可以找工作人員幫忙，或在接待日當面向代表反映。</translation>
        </message>
        <message>
            <source>Back to the agreement</source>
            <translation>返回檢視說明</translation>
        </message>
        <message>
            <source>Do not agree, go home</source>
            <translation>不同意，回首頁</translation>
        </message>
        <message>
            <source>Submitting…</source>
            <translation>正在提交…</translation>
        </message>
        <message>
            <source>I agree, submit</source>
            <translation>同意並提交</translation>
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
            <translation>請留下電話號碼，我們會給您回電。</translation>
        </message>
        <message>
            <source>How can we reach you?</source>
            <translation>我們怎樣聯絡您？</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>您的稱呼</translation>
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
            <translation>手機號碼（或帶區號的固定電話）</translation>
        </message>
        <message>
            <source>What would you like to talk about? (optional)</source>
            <translation>想談什麼事？（可不填）</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一頁</translation>
        </message>
    </context>
    <context>
        <name>DayStep</name>
        <message>
            <source>On which reception day would you like to meet %1?</source>
            <translation>您想在哪個接待日約見%1？</translation>
        </message>
        <message>
            <source>This deputy has no reception day scheduled. Please choose another deputy.</source>
            <translation>這位代表暫無接待日安排，請選擇其他代表。</translation>
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
            <translation>已簽到</translation>
        </message>
        <message numerus="yes">
            <source>%n reception record(s) today</source>
            <translation>
                <numerusform>今天已登記 %n 條接待記錄</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 to answer, %2 overdue</source>
            <translation>%1 件待回覆，%2 件已超期</translation>
        </message>
        <message>
            <source>%1 to answer, %2 due soon</source>
            <translation>%1 件待回覆，%2 件臨期</translation>
        </message>
        <message>
            <source>%1 to answer</source>
            <translation>%1 件待回覆</translation>
        </message>
        <message>
            <source>Nothing waits for your answer</source>
            <translation>沒有待回覆的事項</translation>
        </message>
        <message>
            <source>Scan with your phone to open your items, reply and see your duty record.</source>
            <translation>用手機掃碼，開啟我的事項：答覆群眾、檢視履職檔案。</translation>
        </message>
        <message>
            <source>Record a reception</source>
            <translation>登記接待</translation>
        </message>
        <message>
            <source>Visitors, topic, notes</source>
            <translation>人數、主題、記錄</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>簽退</translation>
        </message>
        <message>
            <source>Signing out…</source>
            <translation>正在簽退…</translation>
        </message>
        <message>
            <source>Signing out did not work. Please try again.</source>
            <translation>簽退未成功，請重試。</translation>
        </message>
        <message>
            <source>Home keeps you signed in; open the console again with your PIN.</source>
            <translation>回到首頁仍保持簽到；再次輸入密碼即可回到工作台。</translation>
        </message>
        <message>
            <source>Appeals taken here today</source>
            <translation>今天本機受理的訴求</translation>
        </message>
        <message>
            <source>No appeals have been taken at this screen today.</source>
            <translation>今天本機還沒有受理訴求。</translation>
        </message>
        <message>
            <source>Call back</source>
            <translation>請回電</translation>
        </message>
        <message>
            <source>Appointment requests</source>
            <translation>約見申請</translation>
        </message>
        <message>
            <source>This request can no longer be answered.</source>
            <translation>這條申請已不能再答覆。</translation>
        </message>
        <message>
            <source>The answer could not be saved. Please try again.</source>
            <translation>答覆未能儲存，請重試。</translation>
        </message>
        <message>
            <source>No appointment requests</source>
            <translation>暫無約見申請</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>已確認</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>已婉拒</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>已會見</translation>
        </message>
        <message>
            <source>Awaiting answer</source>
            <translation>待確認</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>確認</translation>
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
            <translation>選區</translation>
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
            <translation>聯繫社區</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>職業</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>電話</translation>
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
            <translation>暫未安排接待日。</translation>
        </message>
        <message>
            <source>Reach your deputy by QR code</source>
            <translation>碼上找代表</translation>
        </message>
        <message>
            <source>Scan with WeChat to leave this deputy a message</source>
            <translation>用微信掃一掃，給代表留言</translation>
        </message>
    </context>
    <context>
        <name>DeputySignInScreen</name>
        <message>
            <source>Deputy sign-in</source>
            <translation>代表簽到</translation>
        </message>
        <message>
            <source>Tap your photo to sign in.</source>
            <translation>請點選您的照片簽到。</translation>
        </message>
        <message>
            <source>On duty today</source>
            <translation>今日值班代表</translation>
        </message>
        <message>
            <source>Type your PIN</source>
            <translation>請輸入簽到密碼</translation>
        </message>
        <message>
            <source>Not you? Choose again</source>
            <translation>不是您？重新選擇</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在核對…</translation>
        </message>
        <message>
            <source>That did not work. Please try again.</source>
            <translation>未能簽到，請重試。</translation>
        </message>
        <message numerus="yes">
            <source>Too many tries. Please wait %n minute(s).</source>
            <translation>
                <numerusform>嘗試次數過多，請等待 %n 分鐘。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Too many tries. Please wait %n second(s).</source>
            <translation>
                <numerusform>嘗試次數過多，請等待 %n 秒。</numerusform>
            </translation>
        </message>
        <message>
            <source>A PIN has 6 to 8 digits.</source>
            <translation>密碼為6至8位數字。</translation>
        </message>
        <message>
            <source>The kiosk is still starting. Please try again in a moment.</source>
            <translation>裝置正在啟動，請稍後再試。</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>刪除</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>簽到</translation>
        </message>
    </context>
    <context>
        <name>DeputyStep</name>
        <message>
            <source>Which deputy would you like to meet?</source>
            <translation>您想約見哪位代表？</translation>
        </message>
        <message>
            <source>Is it for a particular deputy? (optional)</source>
            <translation>想請哪位代表辦理？（可不選）</translation>
        </message>
        <message>
            <source>Any deputy</source>
            <translation>不指定代表</translation>
        </message>
        <message>
            <source>The station passes it on</source>
            <translation>由聯絡站轉交</translation>
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
            <translation>輸入姓名、選區或社區</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>No deputy matches. Try fewer characters, or choose "All".</source>
            <translation>沒有找到符合條件的代表。請少輸入幾個字，或選擇“全部”。</translation>
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
            <translation>設定本機</translation>
        </message>
        <message>
            <source>Enter the central server's address and the enrolment code from the central office.</source>
            <translation>請輸入中心伺服器地址和中心辦公室提供的登記碼。</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>伺服器地址</translation>
        </message>
        <message>
            <source>Enrolment code</source>
            <translation>登記碼</translation>
        </message>
        <message>
            <source>Contacting the server…</source>
            <translation>正在聯絡伺服器…</translation>
        </message>
        <message>
            <source>The address must start with https:// (http:// only for a server on this computer).</source>
            <translation>地址必須以 https:// 開頭（只有本機上的伺服器才可以用 http://）。</translation>
        </message>
        <message>
            <source>Cannot reach the server. Check the network cable or Wi-Fi, and that the address is right.</source>
            <translation>連不上伺服器。請檢查網線或無線網路，並核對地址是否正確。</translation>
        </message>
        <message>
            <source>No secure (TLS) connection to the server could be made. Check the address and this computer's date and time, or ask the central office for their certificate file.</source>
            <translation>無法與伺服器建立安全連線（TLS）。請核對地址和本機的日期時間，或向中心辦公室索取證書檔案。</translation>
        </message>
        <message>
            <source>The server did not accept this enrolment code. A code works once and for 7 days: ask the central office for a new one.</source>
            <translation>伺服器不接受這個登記碼。每個登記碼只能用一次，7天內有效，請向中心辦公室要一個新的。</translation>
        </message>
        <message>
            <source>The server has a problem right now. Please try again in a few minutes.</source>
            <translation>伺服器暫時出了問題，請過幾分鐘再試。</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>登記</translation>
        </message>
        <message>
            <source>Demo mode</source>
            <translation>演示模式</translation>
        </message>
        <message>
            <source>A made-up station, to try the kiosk</source>
            <translation>虛構的站點，用來試用</translation>
        </message>
    </context>
    <context>
        <name>FormLabels</name>
        <message>
            <source>Please fill this in; it cannot be left empty or only spaces.</source>
            <translation>請填寫此項，不能為空，也不能只有空格。</translation>
        </message>
        <message>
            <source>Too long: please shorten it to at most %1 characters. What you typed is kept.</source>
            <translation>內容太長：請刪減到最多%1個字。您輸入的內容都還在。</translation>
        </message>
        <message>
            <source>Please leave out emoji and pictures; use words only.</source>
            <translation>請不要使用表情符號或圖案，只用文字。</translation>
        </message>
        <message>
            <source>The text contains invisible control characters; please type it again.</source>
            <translation>內容裡有看不見的控制字元，請重新輸入。</translation>
        </message>
        <message>
            <source>The text contains invisible direction marks; please type it again.</source>
            <translation>內容裡有看不見的文字方向標記，請重新輸入。</translation>
        </message>
        <message>
            <source>A phone number has digits only.</source>
            <translation>電話號碼只能是數字。</translation>
        </message>
        <message>
            <source>A mobile number has 11 digits and starts with 13 to 19.</source>
            <translation>手機號碼是11位數字，以13至19開頭。</translation>
        </message>
        <message>
            <source>Please give an 11-digit mobile number, or a landline with its area code (e.g. 0571 8888 1234).</source>
            <translation>請填寫11位手機號碼，或帶區號的固定電話（例如 0571 8888 1234）。</translation>
        </message>
        <message>
            <source>Please check this field.</source>
            <translation>請檢查此項。</translation>
        </message>
        <message>
            <source>Could not save: this kiosk's storage is full. Nothing was saved and your form is kept. Please tell the station staff.</source>
            <translation>無法儲存：本機儲存空間已滿。沒有儲存任何內容，您填寫的內容都還在。請告訴聯絡站工作人員。</translation>
        </message>
        <message>
            <source>Could not save because of a fault in this kiosk. Nothing was saved and your form is kept. Please try again or tell the station staff.</source>
            <translation>本機出現故障，無法儲存。沒有儲存任何內容，您填寫的內容都還在。請再試一次或告訴聯絡站工作人員。</translation>
        </message>
        <message>
            <source>The kiosk is still starting. Please try again in a moment.</source>
            <translation>裝置正在啟動，請稍後再試。</translation>
        </message>
        <message>
            <source>This kiosk is not connected to the liaison office yet, so it cannot take submissions. Please tell the station staff.</source>
            <translation>本機尚未接入人大聯絡機構，暫時不能提交。請告訴聯絡站工作人員。</translation>
        </message>
        <message>
            <source>Something is missing. Please go back and check the steps.</source>
            <translation>還有內容沒有填寫，請返回檢查各步驟。</translation>
        </message>
        <message>
            <source>Could not save. Your form is kept.</source>
            <translation>無法儲存。您填寫的內容都還在。</translation>
        </message>
        <message>
            <source>Please type the tracking code from your receipt.</source>
            <translation>請輸入回執上的查詢碼。</translation>
        </message>
        <message>
            <source>This is not a valid tracking code. Please check each character on your receipt.</source>
            <translation>這不是有效的查詢碼，請逐個核對回執上的字元。</translation>
        </message>
        <message>
            <source>Please type the last 4 digits of the phone number you left.</source>
            <translation>請輸入您留下的電話號碼的後4位。</translation>
        </message>
        <message>
            <source>No match here for this code and these digits, and the liaison office cannot be asked right now. Please check both, try again later, or scan the QR code on your receipt.</source>
            <translation>本機沒有與此查詢碼和電話後4位相符的記錄，暫時也無法向聯絡站詢問。請核對後稍後再試，或用手機掃描回執上的二維碼查詢。</translation>
        </message>
        <message>
            <source>The code and the last 4 digits do not match. Please check both.</source>
            <translation>查詢碼與電話後4位不符，請核對後再試。</translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong tries. Please wait %n minute(s) and try again, or ask the station staff.</source>
            <translation>
                <numerusform>錯誤次數太多，請%n分鐘後再試，或諮詢聯絡站工作人員。</numerusform>
            </translation>
        </message>
        <message>
            <source>The kiosk could not read its records. Please ask the station staff.</source>
            <translation>本機無法讀取記錄，請諮詢聯絡站工作人員。</translation>
        </message>
        <message>
            <source>Submitted here, waiting to be sent</source>
            <translation>已在本機提交，等待發送</translation>
        </message>
        <message>
            <source>Sent to the liaison office</source>
            <translation>已傳送至人大聯絡機構</translation>
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
            <translation>已交代表辦理</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>代表已答覆</translation>
        </message>
        <message>
            <source>Referred to a department</source>
            <translation>已轉有關部門</translation>
        </message>
        <message>
            <source>Department's answer passed on</source>
            <translation>已反饋部門辦理結果</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已辦結</translation>
        </message>
        <message>
            <source>Rated</source>
            <translation>已評價</translation>
        </message>
        <message>
            <source>Reopened</source>
            <translation>重新辦理</translation>
        </message>
        <message>
            <source>Requested</source>
            <translation>已申請</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>已確認</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>未能安排</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>已約見</translation>
        </message>
        <message>
            <source>Report a problem</source>
            <translation>反映問題</translation>
        </message>
        <message>
            <source>Call me back</source>
            <translation>請回電</translation>
        </message>
        <message>
            <source>Meet a deputy</source>
            <translation>約見代表</translation>
        </message>
    </context>
    <context>
        <name>FormScreen</name>
        <message>
            <source>Discard what you have entered?</source>
            <translation>放棄填寫的內容？</translation>
        </message>
        <message>
            <source>What you entered on this form is not saved and will be deleted.</source>
            <translation>您在本表中填寫的內容尚未提交，離開後將被刪除。</translation>
        </message>
        <message>
            <source>Continue filling in</source>
            <translation>繼續填寫</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>放棄</translation>
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
            <translation>本機尚未設定站點</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>已聯網</translation>
        </message>
        <message>
            <source>Syncing</source>
            <translation>正在同步</translation>
        </message>
        <message numerus="yes">
            <source>Offline · %n waiting to send</source>
            <translation>
                <numerusform>未聯網 · %n 條待發送</numerusform>
            </translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>未聯網</translation>
        </message>
        <message>
            <source>Not enrolled with the server</source>
            <translation>未登記到伺服器</translation>
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
            <translation>今天沒有安排接待，下次接待日是%1。</translation>
        </message>
        <message>
            <source>No reception day is scheduled.</source>
            <translation>暫未安排接待日。</translation>
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
            <translation>按姓名、級別、選區或社區查詢</translation>
        </message>
        <message>
            <source>Report a problem</source>
            <translation>反映問題</translation>
        </message>
        <message>
            <source>Or leave a number and we call back</source>
            <translation>也可留下電話等回電</translation>
        </message>
        <message>
            <source>Meet a deputy</source>
            <translation>約見代表</translation>
        </message>
        <message>
            <source>Ask for an appointment on a reception day</source>
            <translation>預約接待日見面</translation>
        </message>
        <message>
            <source>Track progress</source>
            <translation>查詢進度</translation>
        </message>
        <message>
            <source>With the code on your receipt</source>
            <translation>憑回執上的查詢碼</translation>
        </message>
        <message>
            <source>Reception days</source>
            <translation>接待日安排</translation>
        </message>
        <message>
            <source>Calendar, themes, who is on duty</source>
            <translation>日曆、接待主題、值班代表</translation>
        </message>
        <message>
            <source>About this station</source>
            <translation>站點介紹</translation>
        </message>
        <message>
            <source>Address, opening hours, rules, notices</source>
            <translation>地址、開放時間、制度、公告</translation>
        </message>
        <message>
            <source>Call me back</source>
            <translation>請回電</translation>
        </message>
        <message>
            <source>Leave a number, no typing</source>
            <translation>留個電話，不用打字</translation>
        </message>
        <message>
            <source>Deputy sign-in</source>
            <translation>代表簽到</translation>
        </message>
        <message>
            <source>For duty deputies, with a PIN</source>
            <translation>值班代表憑密碼簽到</translation>
        </message>
    </context>
    <context>
        <name>KeyPad</name>
        <message>
            <source>Delete</source>
            <translation>刪除</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>National People's Congress deputy</source>
            <translation>全國人大代表</translation>
        </message>
        <message>
            <source>Provincial people's congress deputy</source>
            <translation>省人大代表</translation>
        </message>
        <message>
            <source>City people's congress deputy</source>
            <translation>市人大代表</translation>
        </message>
        <message>
            <source>District/county people's congress deputy</source>
            <translation>區（縣）人大代表</translation>
        </message>
        <message>
            <source>Township people's congress deputy</source>
            <translation>鄉鎮人大代表</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>National</source>
            <translation>全國</translation>
        </message>
        <message>
            <source>Provincial</source>
            <translation>省級</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市級</translation>
        </message>
        <message>
            <source>District/county</source>
            <translation>區縣級</translation>
        </message>
        <message>
            <source>Township</source>
            <translation>鄉鎮級</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Deputies' home</source>
            <translation>人大代表之家</translation>
        </message>
        <message>
            <source>Deputy liaison station</source>
            <translation>人大代表聯絡站</translation>
        </message>
        <message>
            <source>Deputy contact point</source>
            <translation>人大代表聯絡點</translation>
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
            <translation>主題：%1</translation>
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
            <translation>人大代表聯絡站</translation>
        </message>
        <message>
            <source>Sorry, this kiosk cannot take new requests right now: its storage is full. Please ask the staff, or call the station.</source>
            <translation>抱歉，本機儲存空間已滿，暫時不能受理新的事項。請聯絡工作人員，或撥打站點電話。</translation>
        </message>
        <message numerus="yes">
            <source>Still there? You will be signed out in %n second(s).</source>
            <translation>
                <numerusform>還在嗎？%n 秒後將自動簽退。</numerusform>
            </translation>
        </message>
        <message>
            <source>I'm still here</source>
            <translation>我還在</translation>
        </message>
        <message>
            <source>Are you still there?</source>
            <translation>您還在嗎？</translation>
        </message>
        <message numerus="yes">
            <source>In %n second(s) this page is cleared and the home screen shows.</source>
            <translation>
                <numerusform>%n 秒後將清除本頁內容，回到首頁。</numerusform>
            </translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>繼續</translation>
        </message>
    </context>
    <context>
        <name>PageButtons</name>
        <message>
            <source>Previous</source>
            <translation>上一頁</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一頁</translation>
        </message>
    </context>
    <context>
        <name>ProgressScreen</name>
        <message>
            <source>Track progress</source>
            <translation>查詢進度</translation>
        </message>
        <message>
            <source>Tracking code (on your receipt)</source>
            <translation>查詢碼（見回執）</translation>
        </message>
        <message>
            <source>Last 4 digits of your phone number</source>
            <translation>電話號碼後4位</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>查詢</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在查詢…</translation>
        </message>
        <message>
            <source>Appointment request</source>
            <translation>約見申請</translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <source>Your matter</source>
            <translation>您反映的事項</translation>
        </message>
        <message>
            <source>Now: %1</source>
            <translation>當前：%1</translation>
        </message>
        <message>
            <source>. </source>
            <translation>。</translation>
        </message>
        <message>
            <source>Meeting %1 on %2</source>
            <translation>約見 %1 代表：%2</translation>
        </message>
        <message>
            <source>on time</source>
            <translation>按期</translation>
        </message>
        <message>
            <source>due soon</source>
            <translation>臨期</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Next step due by %1</source>
            <translation>下一步辦理期限：%1</translation>
        </message>
        <message>
            <source>As of the last update from the liaison office: %1.</source>
            <translation>以上為人大聯絡機構最近一次更新的情況：%1。</translation>
        </message>
        <message>
            <source>This kiosk has not received any update from the liaison office yet; newer progress may exist.</source>
            <translation>本機尚未收到人大聯絡機構的更新，實際進度可能更新。</translation>
        </message>
        <message>
            <source>Look up another</source>
            <translation>查詢其他</translation>
        </message>
    </context>
    <context>
        <name>ReadAloudButton</name>
        <message>
            <source>Read aloud</source>
            <translation>朗讀</translation>
        </message>
        <message>
            <source>Read-aloud unavailable</source>
            <translation>朗讀不可用</translation>
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
            <translation>高對比</translation>
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
            <translation>聯絡站電話：%1</translation>
        </message>
        <message>
            <source>Leave the receipt?</source>
            <translation>離開回執頁面？</translation>
        </message>
        <message>
            <source>Have you noted your tracking code %1? You need it to follow your matter.</source>
            <translation>您記下查詢碼 %1 了嗎？查詢辦理進度時需要用到它。</translation>
        </message>
        <message>
            <source>Stay on the receipt</source>
            <translation>留在回執頁面</translation>
        </message>
        <message>
            <source>I noted it, leave</source>
            <translation>已記下，離開</translation>
        </message>
        <message>
            <source>Your appointment request is saved. The station will confirm it by phone.</source>
            <translation>您的約見申請已儲存，聯絡站將電話與您確認。</translation>
        </message>
        <message>
            <source>Your request is saved. We will call you back.</source>
            <translation>您的回電請求已儲存，我們會給您回電。</translation>
        </message>
        <message>
            <source>Your matter is saved and will be passed on.</source>
            <translation>您反映的問題已儲存，將轉交辦理。</translation>
        </message>
        <message>
            <source>Meeting %1 on %2</source>
            <translation>約見 %1 代表：%2</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>正在列印…</translation>
        </message>
        <message>
            <source>Print again</source>
            <translation>再列印一張</translation>
        </message>
        <message>
            <source>Print receipt</source>
            <translation>列印憑條</translation>
        </message>
        <message>
            <source>Printed: please take your receipt.</source>
            <translation>已列印，請取走憑條。</translation>
        </message>
        <message>
            <source>The printer is out of paper. Please note the code down; the staff can help.</source>
            <translation>印表機沒有紙了。請記下查詢碼，也可以請工作人員幫忙。</translation>
        </message>
        <message>
            <source>The printer is not working. Please note the code down; the staff can help.</source>
            <translation>印表機暫時不能用。請記下查詢碼，也可以請工作人員幫忙。</translation>
        </message>
        <message>
            <source>Your tracking code (please note it down):</source>
            <translation>您的查詢碼（請記下）：</translation>
        </message>
        <message>
            <source>You will get a reply within 3 working days, by %1.</source>
            <translation>3個工作日內答覆您，最遲%1。</translation>
        </message>
        <message>
            <source>To see how it goes: tap "Track progress" on the home screen and type this code and the last 4 digits of your phone number.</source>
            <translation>查詢辦理進度：在首頁點“查詢進度”，輸入此查詢碼和您電話號碼的後4位。</translation>
        </message>
        <message>
            <source>Scan with WeChat to follow it on your phone</source>
            <translation>用微信掃碼，在手機上檢視進度</translation>
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
            <translation>%1 · 主題：%2</translation>
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
            <translation>因%2順延至%1</translation>
        </message>
        <message>
            <source>Moved to %1</source>
            <translation>改期至%1</translation>
        </message>
        <message>
            <source>Moved here from %1 because of %2</source>
            <translation>原定%1，因%2順延</translation>
        </message>
        <message>
            <source>New time</source>
            <translation>時間調整</translation>
        </message>
        <message>
            <source>Moved here from %1</source>
            <translation>原定%1，現改期</translation>
        </message>
        <message>
            <source>Held although it is a public holiday (%1)</source>
            <translation>適逢%1假期，照常接待</translation>
        </message>
        <message>
            <source>Theme: %1</source>
            <translation>接待主題：%1</translation>
        </message>
        <message>
            <source>Place: %1</source>
            <translation>地點：%1</translation>
        </message>
        <message>
            <source>Invited departments: %1</source>
            <translation>邀請部門：%1</translation>
        </message>
    </context>
    <context>
        <name>ReceptionRecordScreen</name>
        <message>
            <source>Reception record</source>
            <translation>接待登記</translation>
        </message>
        <message>
            <source>Say how many visitors came (1 to 999).</source>
            <translation>請填寫來訪人數（1至999）。</translation>
        </message>
        <message>
            <source>Please write the topic.</source>
            <translation>請填寫接待主題。</translation>
        </message>
        <message>
            <source>The topic is too long (at most 100 characters).</source>
            <translation>主題太長（最多100字）。</translation>
        </message>
        <message>
            <source>The notes are too long (at most 2000 characters).</source>
            <translation>記錄內容太長（最多2000字）。</translation>
        </message>
        <message>
            <source>A tracking code has a typing mistake. Please check it.</source>
            <translation>追蹤碼有誤，請核對。</translation>
        </message>
        <message>
            <source>At most 20 tracking codes.</source>
            <translation>最多關聯20個追蹤碼。</translation>
        </message>
        <message>
            <source>This kiosk is not enrolled with the server, so the record cannot be sealed and saved.</source>
            <translation>本機尚未在伺服器登記，記錄無法加密儲存。</translation>
        </message>
        <message>
            <source>Please sign in again.</source>
            <translation>請重新簽到。</translation>
        </message>
        <message>
            <source>The record could not be saved. Please try again.</source>
            <translation>接待記錄未能儲存，請重試。</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>來訪人數</translation>
        </message>
        <message>
            <source>Linked appeals</source>
            <translation>關聯訴求</translation>
        </message>
        <message>
            <source>Tap today's appeals that this reception was about:</source>
            <translation>點選本次接待涉及的今日訴求：</translation>
        </message>
        <message>
            <source>Other tracking codes, e.g. K7Q-M4X-PD8</source>
            <translation>其他追蹤碼，如 K7Q-M4X-PD8</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>接待主題</translation>
        </message>
        <message>
            <source>What the visitors raised, in a few words</source>
            <translation>簡要寫明群眾反映的事項</translation>
        </message>
        <message>
            <source>Notes (sealed, only the central office can read them)</source>
            <translation>接待記錄（加密儲存，僅人大辦公室可閱）</translation>
        </message>
        <message>
            <source>What was said and agreed</source>
            <translation>反映的情況和答覆意見</translation>
        </message>
        <message>
            <source>Save the record</source>
            <translation>儲存記錄</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在儲存…</translation>
        </message>
    </context>
    <context>
        <name>ReviewStep</name>
        <message>
            <source>Please check before submitting</source>
            <translation>提交前請核對</translation>
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
            <translation>稱呼</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>電話</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>接待主題</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>類別</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地點</translation>
        </message>
        <message>
            <source>Any deputy</source>
            <translation>不指定代表</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>具體情況</translation>
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
            <translation>上個月</translation>
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
            <translation>下個月</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>月曆</translation>
        </message>
        <message>
            <source>List</source>
            <translation>列表</translation>
        </message>
        <message>
            <source>The %1 holiday arrangement has not been published yet: holidays and make-up workdays are not marked.</source>
            <translation>%1年節假日安排尚未公布，日曆中暫未標註放假和調休。</translation>
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
            <translation>調休上班</translation>
        </message>
        <message>
            <source>Reception</source>
            <translation>接待</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>有變動</translation>
        </message>
        <message>
            <source>%1 (today)</source>
            <translation>%1（今天）</translation>
        </message>
        <message>
            <source>Public holiday: %1</source>
            <translation>法定節假日：%1</translation>
        </message>
        <message>
            <source>Make-up workday (%1)</source>
            <translation>調休上班日（%1）</translation>
        </message>
        <message>
            <source>No reception on this day.</source>
            <translation>這一天沒有安排接待。</translation>
        </message>
        <message>
            <source>No reception day in this month.</source>
            <translation>本月沒有安排接待。</translation>
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
            <translation>首頁</translation>
        </message>
    </context>
    <context>
        <name>StationInfoScreen</name>
        <message>
            <source>About this station</source>
            <translation>站點介紹</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Opening hours</source>
            <translation>開放時間</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>電話</translation>
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
            <translation>收集意見建議</translation>
        </message>
        <message>
            <source>problems solved</source>
            <translation>已辦結</translation>
        </message>
        <message>
            <source>satisfied</source>
            <translation>群眾滿意率</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>reception days held</source>
            <translation>已開展接待日</translation>
        </message>
        <message>
            <source>deputies present now</source>
            <translation>在站代表</translation>
        </message>
        <message>
            <source>appeals taken here</source>
            <translation>本機受理訴求</translation>
        </message>
        <message>
            <source>solved</source>
            <translation>已辦結</translation>
        </message>
        <message>
            <source>Solved and satisfaction: %1, as the server reported on %2.</source>
            <translation>辦結數和滿意率：%1，伺服器於 %2 報告。</translation>
        </message>
        <message>
            <source>Solved and satisfaction: not yet synced with the server.</source>
            <translation>辦結數和滿意率：尚未與伺服器同步。</translation>
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
            <translation>發生了什麼？在哪裡？從什麼時候開始？</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>Tap here and type with the keyboard below (Pinyin).</source>
            <translation>點這裡，用下方鍵盤（拼音）輸入。</translation>
        </message>
        <message>
            <source>%1 / %2 characters</source>
            <translation>%1 / %2 字</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一頁</translation>
        </message>
        <message>
            <source>Cannot type?</source>
            <translation>不方便打字？</translation>
        </message>
        <message>
            <source>Leave a number, we call back</source>
            <translation>留下電話，我們回電</translation>
        </message>
    </context>
</TS>
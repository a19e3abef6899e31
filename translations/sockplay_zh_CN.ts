<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DemoCommandLine</name>
    <message>
        <location filename="../ui/democommandline.cpp" line="+31"/>
        <source>Open the window with a built-in demo loaded and its panel shown; Next (Ctrl+Right) runs each step. NAME is one of: %1. &quot;list&quot; prints them.</source>
        <translation>打开窗口时加载一个内置演示并显示其面板；“下一步”（Ctrl+Right）逐个运行每个步骤。NAME 为以下之一：%1。“list”会列出所有演示。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --demo: run every step at once instead of waiting for Next.</source>
        <translation>与 --demo 一起使用：立即运行所有步骤，而不是等待“下一步”。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>sockplay: --run-all needs --demo NAME
</source>
        <translation>sockplay: --run-all 需要配合 --demo NAME 使用
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sockplay: no demo called “%1”. The demos are:
%2</source>
        <translation>sockplay: 没有名为“%1”的演示。可用的演示有：
%2</translation>
    </message>
</context>
<context>
    <name>LogFilter</name>
    <message>
        <location filename="../core/logfilter.cpp" line="+65"/>
        <source>invalid regex at character %1: %2</source>
        <translation>正则表达式在第 %1 个字符处无效：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>invalid hex: no bytes to look for</source>
        <translation>十六进制无效：没有要查找的字节</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../ui/translations.cpp" line="+18"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/codeview.cpp" line="+33"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/logexportbar.cpp" line="+34"/>
        <source>Capture for Wireshark (*.pcapng)</source>
        <translation>Wireshark 抓包文件 (*.pcapng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines (*.jsonl *.ndjson)</source>
        <translation>JSON Lines (*.jsonl *.ndjson)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SockPlay::AboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.cpp" line="+20"/>
        <location line="+1"/>
        <location line="+18"/>
        <source>About SockPlay</source>
        <translation>关于 SockPlay</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>SockPlay icon</source>
        <translation>SockPlay 图标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SockPlay %1</source>
        <translation>SockPlay %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Program and version</source>
        <translation>程序与版本</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p&gt;A socket playground: TCP and UDP servers and clients in one window, with a live log.&lt;/p&gt;</source>
        <translation>&lt;p&gt;套接字试验场：在同一窗口中运行 TCP 和 UDP 服务器与客户端，并带有实时日志。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Qt %1 (built with Qt %2), on %3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt %1（基于 Qt %2 构建），运行于 %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY. See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;https://www.gnu.org/licenses/gpl-3.0.html&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;本程序是自由软件：您可以依据 GNU 通用公共许可证第 3 版或（由您选择）任何更高版本的条款重新分发和/或修改它。本程序不提供任何担保。详见 &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;https://www.gnu.org/licenses/gpl-3.0.html&lt;/a&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About dialog buttons</source>
        <translation>“关于”对话框按钮</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
</context>
<context>
    <name>SockPlay::Address</name>
    <message>
        <location filename="../core/address.cpp" line="+96"/>
        <source>bound to every interface: other machines on the network can send to it</source>
        <translation>已绑定到所有网络接口：网络上的其他计算机可以向它发送数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bound to %1, an address of the network: other machines can send to it</source>
        <translation>已绑定到网络地址 %1：其他计算机可以向它发送数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>listening on every interface: other machines on the network can connect</source>
        <translation>正在所有网络接口上监听：网络上的其他计算机可以连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listening on %1, an address of the network: other machines can connect</source>
        <translation>正在网络地址 %1 上监听：其他计算机可以连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nothing is listening there (is the server started, and is the port right?)</source>
        <translation>该处没有程序在监听（服务器是否已启动？端口是否正确？）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name does not resolve (check the spelling, or use an address like 127.0.0.1)</source>
        <translation>无法解析该名称（请检查拼写，或使用 127.0.0.1 这样的地址）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another program holds port %1; pick another port, or 0 for any free port</source>
        <translation>端口 %1 已被其他程序占用；请换一个端口，或填 0 以使用任意空闲端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port %1 needs privileges; pick a port above 1023</source>
        <translation>端口 %1 需要特权；请选择大于 1023 的端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system refused access to this socket</source>
        <translation>系统拒绝访问此套接字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this machine has no such address; use 127.0.0.1, ::1 or one of its own addresses</source>
        <translation>本机没有此地址；请使用 127.0.0.1、::1 或本机自己的某个地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer did not answer in time</source>
        <translation>对端未及时响应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network is unreachable from here</source>
        <translation>从本机无法到达该网络</translation>
    </message>
</context>
<context>
    <name>SockPlay::ClientPane</name>
    <message>
        <location filename="../ui/clientpane.cpp" line="+53"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client transport</source>
        <translation>客户端传输协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DTLS</source>
        <translation>DTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, to one address, a multicast group or a broadcast address.
TLS: a TCP stream, encrypted after a handshake.
WebSocket: messages over an HTTP-upgraded TCP connection.
Serial port: a byte stream over a device such as /dev/ttyUSB0.</source>
        <translation type="vanished">TCP：连接和字节流。
UDP：单个数据报，发往一个地址、一个组播组或广播地址。
TLS：握手后加密的 TCP 流。
WebSocket：经 HTTP 升级的 TCP 连接上的消息。
串口：经设备（如 /dev/ttyUSB0）传输的字节流。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, to one address, a multicast group or a broadcast address.
TLS: a TCP stream, encrypted after a handshake.
WebSocket: messages over an HTTP-upgraded TCP connection.
DTLS: UDP datagrams, encrypted after a handshake.
Serial port: a byte stream over a device such as /dev/ttyUSB0.</source>
        <translation>TCP：连接和字节流。
UDP：单个数据报，发往一个地址、一个组播组或广播地址。
TLS：握手后加密的 TCP 流。
WebSocket：经 HTTP 升级的 TCP 连接上的消息。
DTLS：UDP 数据报，在握手后加密。
串口：经设备（如 /dev/ttyUSB0）传输的字节流。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Client host</source>
        <translation>客户端主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s host name or address</source>
        <translation>服务器的主机名或地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client port</source>
        <translation>客户端端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s port</source>
        <translation>服务器的端口</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follo&amp;w the server&apos;s address</source>
        <translation>跟随服务器地址(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client follows the server&apos;s address</source>
        <translation>客户端跟随服务器地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep host, port and transport in step with the server pane.
Editing the host or port by hand turns this off.</source>
        <translation>使主机、端口和传输协议与服务器面板保持同步。
手动编辑主机或端口会关闭此选项。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Client connections</source>
        <translation>客户端连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another co&amp;nnection</source>
        <translation>添加连接(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another connection</source>
        <translation>再打开一个连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more connection from this client to the same server, with its own row and counters</source>
        <translation>从此客户端到同一服务器再建立一个连接，它有自己的一行和计数器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;end</source>
        <translation>发送(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to a&amp;ll</source>
        <translation>发送给全部(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client send to all connections</source>
        <translation>客户端向所有连接发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send on every connection of this client</source>
        <translation>在此客户端的每个连接上发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transport</source>
        <translation>传输协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Enter the server&apos;s host name or address first.</source>
        <translation>请先输入服务器的主机名或地址。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot open another connection: connect first.</source>
        <translation>无法再打开连接：请先连接。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Cannot send: the serial port is not open — press Open first.</source>
        <translation>无法发送：串口未打开——请先按“打开”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Cannot send: not connected — press Connect first.</source>
        <translation>无法发送：未连接——请先点击“连接”。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Cannot send: the UDP socket is not open — press Open first.</source>
        <translation>无法发送：UDP 套接字未打开——请先点击“打开”。</translation>
    </message>
    <message>
        <location filename="../ui/clientpanestate.cpp" line="+28"/>
        <source>Sent %1 bytes (%2) · received %3 bytes (%4)</source>
        <translation>已发送 %1 字节（%2）· 已接收 %3 字节（%4）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect client</source>
        <translation>断开客户端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connect client</source>
        <translation>连接客户端</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+6"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+6"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Close serial port</source>
        <translation>关闭串口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open serial port</source>
        <translation>打开串口</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close client socket</source>
        <translation>关闭客户端套接字</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open client socket</source>
        <translation>打开客户端套接字</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>not connected — press Connect</source>
        <translation>未连接——请点击“连接”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed — press Open to create a socket</source>
        <translation>已关闭——点击“打开”以创建套接字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>looking up %1…</source>
        <translation>正在解析 %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>connected %1 → %2</source>
        <translation>已连接 %1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open on %1, sends to %2</source>
        <translation>已在 %1 上打开，发送至 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+24"/>
        <source>closing…</source>
        <translation>正在关闭…</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>closed — pick a device and press Open</source>
        <translation>已关闭——选择设备并按“打开”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open: %1 at %2</source>
        <translation>已打开：%1，%2</translation>
    </message>
</context>
<context>
    <name>SockPlay::CodeView</name>
    <message>
        <location filename="../ui/codeview.cpp" line="+11"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code language</source>
        <translation>代码语言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;opy</source>
        <translation>复制(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the program</source>
        <translation>复制程序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the program to the clipboard</source>
        <translation>将程序复制到剪贴板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve…</source>
        <translation>保存(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+147"/>
        <source>Save the program</source>
        <translation>保存程序</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Save the program to a file (C++: with its CMakeLists.txt)</source>
        <translation>将程序保存到文件（C++：连同其 CMakeLists.txt）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Program text</source>
        <translation>程序文本</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The message&apos;s macros ({{counter}}, {{time}}, …) are not shown here.</source>
        <translation>此处不显示消息中的宏（{{counter}}、{{time}}…）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No endpoint: add a server or a client (Endpoints menu).</source>
        <translation>没有端点：请添加服务器或客户端（“端点”菜单）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 for “%2”: %3</source>
        <translation>“%2”的 %1 代码：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Template problem: %1</source>
        <translation>模板问题：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied %1 to the clipboard.</source>
        <translation>已将 %1 复制到剪贴板。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save with CMakeLists.txt</source>
        <translation>连同 CMakeLists.txt 一起保存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1 and CMakeLists.txt beside it.</source>
        <translation>已保存 %1，并在其旁边保存了 CMakeLists.txt。</translation>
    </message>
</context>
<context>
    <name>SockPlay::ConnectionsModel</name>
    <message>
        <location filename="../ui/connectionsmodel.cpp" line="+120"/>
        <source>Peer %1: %2 → %3
In: %4, %5 messages/s
Out: %6, %7 messages/s</source>
        <translation>对端 %1：%2 → %3
接收：%4，%5 条消息/秒
发送：%6，%7 条消息/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection %1: %2 → %3
In: %4, %5 messages/s
Out: %6, %7 messages/s</source>
        <translation>连接 %1：%2 → %3
接收：%4，%5 条消息/秒
发送：%6，%7 条消息/秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Its last datagram was sent %1.</source>
        <translation>它的最后一个数据报发往%1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In/s</source>
        <translation>接收/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out/s</source>
        <translation>发送/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Msgs/s in/out</source>
        <translation>消息/秒 收/发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation>接收字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>发送字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected since</source>
        <translation>连接起始时间</translation>
    </message>
</context>
<context>
    <name>SockPlay::DemoCountersTable</name>
    <message>
        <location filename="../ui/democounterstable.cpp" line="+14"/>
        <source>Demo counters</source>
        <translation>演示计数器</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2: not counted</source>
        <translation>%1，%2：未计数</translation>
    </message>
</context>
<context>
    <name>SockPlay::DemoPanel</name>
    <message>
        <location filename="../ui/demopanel.cpp" line="+38"/>
        <location line="+4"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Demo steps</source>
        <translation>演示步骤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Demo error</source>
        <translation>演示错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the next step (Ctrl+Right)</source>
        <translation>运行下一步（Ctrl+Right）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run all steps</source>
        <translation>运行所有步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every remaining step, one after the other</source>
        <translation>依次运行剩余的所有步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop the demo</source>
        <translation>停止演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop every endpoint the demo started; they stay in sight</source>
        <translation>停止该演示启动的所有端点；它们仍保留在界面上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset the demo</source>
        <translation>重置演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the demo&apos;s endpoints and go back to before step 1</source>
        <translation>移除该演示的端点，回到步骤 1 之前</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next demo step</source>
        <translation>下一个演示步骤</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Counters</source>
        <translation>计数器</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No demo loaded</source>
        <translation>未加载演示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo: %1</source>
        <translation>演示：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a demo in the Demos menu.</source>
        <translation>请在“演示”菜单中选择一个演示。</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>running now</source>
        <translation>正在运行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to come</source>
        <translation>待运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step %1 of %2, %3: %4</source>
        <translation>第 %1 步（共 %2 步），%3：%4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a demo in the Demos menu: it sets up its own servers and clients beside yours and explains each step here.</source>
        <translation>请在“演示”菜单中选择一个演示：它会在您的服务器和客户端旁边建立自己的服务器和客户端，并在此处讲解每个步骤。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Next (%1) to run step 1, “%2”, or Run all to run every step.</source>
        <translation>点击“下一步”（%1）运行步骤 1“%2”，或点击“全部运行”运行所有步骤。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Narration: %1</source>
        <translation>讲解：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Narration of step %1: %2</source>
        <translation>步骤 %1 的讲解：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No demo loaded.</source>
        <translation>未加载演示。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready. Steps: %1.</source>
        <translation>就绪。步骤数：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %1 of %2 is running…</source>
        <translation>正在运行第 %1 步（共 %2 步）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %1 of %2 done. Next (%3) runs step %4.</source>
        <translation>第 %1 步（共 %2 步）已完成。“下一步”（%3）将运行第 %4 步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finished: every step done (%1 of %1). Reset removes the demo&apos;s endpoints.</source>
        <translation>已结束：所有步骤均已完成（%1/%1）。“重置”会移除该演示的端点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped at step %1 of %2: the demo&apos;s endpoints are stopped and stay in sight. Reset removes them.</source>
        <translation>已在第 %1 步（共 %2 步）停止：该演示的端点已停止，并保留在界面上。“重置”会移除它们。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step %1 of %2 failed.</source>
        <translation>第 %1 步（共 %2 步）失败。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The step did not reach its effect.</source>
        <translation>该步骤未达到预期效果。</translation>
    </message>
</context>
<context>
    <name>SockPlay::DemoRunner</name>
    <message>
        <location filename="../core/demo.cpp" line="+84"/>
        <source>Step %1 (“%2”) did not finish within %3 s: no sign yet of %4.</source>
        <translation>步骤 %1（“%2”）未在 %3 秒内完成：仍未看到%4。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its effect in the log</source>
        <translation>它在日志中产生的效果</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>There is no demo “%1”. The demos are: %2.</source>
        <translation>没有名为“%1”的演示。可用的演示有：%2。</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Step %1 (“%2”) failed: %3</source>
        <translation>步骤 %1（“%2”）失败：%3</translation>
    </message>
    <message>
        <location filename="../core/demos.cpp" line="+46"/>
        <source>The system picked port %1.</source>
        <translation>系统选择了端口 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” listening</source>
        <translation>“%1”开始监听</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“%1” connected</source>
        <translation>“%1”建立连接</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome server</source>
        <translation>欢迎语服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Python tutorial&apos;s server: it greets each client with “Welcome to the server!” and closes.</source>
        <translation>Python 教程中的服务器：它用“Welcome to the server!”问候每个客户端，然后关闭连接。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>socket(), bind() to 127.0.0.1 on port 0, listen(): the server waits for clients. A rule greets each one with “Welcome to the server!” and closes.</source>
        <translation>socket()，bind() 到 127.0.0.1 的 0 端口，listen()：服务器等待客户端连接。一条规则用“Welcome to the server!”问候每个客户端，然后关闭连接。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connect a client</source>
        <translation>连接一个客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client&apos;s connect() sends SYN; the kernels do the handshake, and the server&apos;s accept() returns a new socket for this client.</source>
        <translation>客户端的 connect() 发送 SYN；双方内核完成握手，服务器的 accept() 为该客户端返回一个新套接字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the greeting</source>
        <translation>读取问候语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server sends “Welcome to the server!” at once; the client&apos;s recv() returns those bytes.</source>
        <translation>服务器立即发送“Welcome to the server!”；客户端的 recv() 返回这些字节。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the greeting at the client</source>
        <translation>客户端收到问候语</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server hangs up</source>
        <translation>服务器挂断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then the server closes its socket: FIN. The client&apos;s next recv() returns 0 bytes, which is how a program learns the other side closed.</source>
        <translation>随后服务器关闭其套接字：发出 FIN。客户端的下一次 recv() 返回 0 字节，程序正是借此得知另一端已关闭。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server&apos;s close at the client</source>
        <translation>客户端察觉到服务器关闭</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Go tutorial&apos;s echo server: a client sends a line and reads it back.</source>
        <translation>Go 教程中的回显服务器：客户端发送一行，再把它读回来。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the echo server</source>
        <translation>启动回显服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TCP server listens on 127.0.0.1, on a free port the system picks; it sends every byte it reads straight back.</source>
        <translation>一个 TCP 服务器在 127.0.0.1 上监听系统选出的空闲端口；它把读到的每个字节原样发回。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connect the client</source>
        <translation>连接客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client connects: a three-way handshake, then each side has a socket for the conversation.</source>
        <translation>客户端发起连接：经过三次握手后，双方各有一个用于这次对话的套接字。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send a line</source>
        <translation>发送一行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client writes “hello” and a newline; the server reads it and writes the same bytes back, and the client reads its echo.</source>
        <translation>客户端写入“hello”和一个换行符；服务器读取后将相同的字节写回，客户端读到回显。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the echo at the client</source>
        <translation>客户端收到回显</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client closes: its FIN reaches the server, whose recv() returns 0, and the server closes its side too.</source>
        <translation>客户端关闭：它的 FIN 到达服务器，服务器的 recv() 返回 0，随后服务器也关闭自己这一端。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the close at both ends</source>
        <translation>两端都关闭</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three clients connected through a server that relays each message to the others.</source>
        <translation>三个客户端通过一个服务器相连，服务器把每条消息转发给其他客户端。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the chat server</source>
        <translation>启动聊天服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server listens; it cuts each client&apos;s stream into lines and passes each line on to every other client (a relay).</source>
        <translation>服务器开始监听；它把每个客户端的字节流切分成行，并将每一行转发给其他所有客户端（中继）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Alice, Bob and Carol join</source>
        <translation>Alice、Bob 和 Carol 加入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three clients connect. The server&apos;s accept() returns one socket per client: three conversations on the one listening port.</source>
        <translation>三个客户端发起连接。服务器的 accept() 为每个客户端返回一个套接字：同一个监听端口上有三路对话。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the three clients connected</source>
        <translation>三个客户端全部连接</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 says something</source>
        <translation>%1 说了一句话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 writes one line to the server. The server reads it and writes it to %2 and %3 — not back to %1.</source>
        <translation>%1 向服务器写入一行。服务器读取后将其写给 %2 和 %3——不会发回给 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the line at %1 and %2</source>
        <translation>%1 和 %2 收到该行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Port in use and connection refused</source>
        <translation>端口被占用与连接被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two errors every student meets, each at its step of the socket API.</source>
        <translation>每个学生都会遇到的两个错误，分别出现在套接字 API 的相应步骤。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a server</source>
        <translation>启动一个服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A server binds a free port on 127.0.0.1 and listens.</source>
        <translation>一个服务器在 127.0.0.1 上绑定一个空闲端口并开始监听。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A second server on the same port</source>
        <translation>同一端口上的第二个服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A second server tries to bind() the same address and port. Only one socket may listen there: bind() fails with “address already in use”.</source>
        <translation>第二个服务器尝试 bind() 同一地址和端口。那里只能有一个套接字监听：bind() 失败，报“address already in use”（地址已被占用）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the second server could listen on the same port</source>
        <translation>第二个服务器竟然也能在同一端口上监听</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+30"/>
        <source>Here: %1.</source>
        <translation>本次：%1。</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>bind() failing for the second server</source>
        <translation>第二个服务器的 bind() 失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the first server</source>
        <translation>停止第一个服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first server stops: it closes its listening socket, and nothing listens on that port any more.</source>
        <translation>第一个服务器停止：它关闭其监听套接字，该端口上不再有任何程序监听。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server stopped</source>
        <translation>服务器停止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect where nothing listens</source>
        <translation>连接无人监听的端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A client connects to that port. Its SYN gets an RST back from the kernel: connect() fails with “connection refused”.</source>
        <translation>一个客户端连接该端口。它的 SYN 收到内核回复的 RST：connect() 失败，报“connection refused”（连接被拒绝）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>something accepted the connection on the freed port</source>
        <translation>已释放的端口上竟有程序接受了连接</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>connect() failing for the client</source>
        <translation>客户端的 connect() 失败</translation>
    </message>
    <message>
        <location filename="../core/demostream.cpp" line="+51"/>
        <source>1 read</source>
        <translation>1 次读取</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 reads</source>
        <translation>%1 次读取</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Here the 5 writes arrived as %1.</source>
        <translation>本次这 5 次写入在接收端表现为 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the five writes&apos; bytes at the receiver</source>
        <translation>接收端收到五次写入的字节</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TCP is a stream</source>
        <translation>TCP 是字节流</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes and reads are not the same pieces: small writes merge, a big one is cut; a framing turns the stream back into messages.</source>
        <translation>写入和读取并非一一对应：小的写入会被合并，大的写入会被切开；分帧才能把字节流还原成消息。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nagle on</source>
        <translation>Nagle 开启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nagle off (TCP_NODELAY)</source>
        <translation>Nagle 关闭（TCP_NODELAY）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Reads for 5 small writes</source>
        <translation>5 次小写入的读取次数</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reads for one 200 KB write</source>
        <translation>一次 200 KB 写入的读取次数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages after line framing</source>
        <translation>按行分帧后的消息数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Framing</source>
        <translation>分帧</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the receiver</source>
        <translation>启动接收端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TCP server that logs each read exactly as recv() returned it: no framing.</source>
        <translation>一个 TCP 服务器，按 recv() 返回的原样记录每次读取：不分帧。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect the sender</source>
        <translation>连接发送端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender connects, with Nagle&apos;s algorithm on (the default): small writes may wait to go out together.</source>
        <translation>发送端发起连接，Nagle 算法处于开启状态（默认）：小的写入可能会等待，合在一起发出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Five small writes</source>
        <translation>五次小写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender writes “one ”, “two ”, “three ”, “four ”, “five ” in one go. TCP keeps no boundaries between writes: the receiver reads whatever has arrived.</source>
        <translation>发送端一次性写入“one ”、“two ”、“three ”、“four ”、“five ”。TCP 不保留写入之间的边界：接收端读到的是当时已到达的全部数据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One 200 KB write</source>
        <translation>一次 200 KB 写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now one write of 200 KB. It is more than the receiver&apos;s socket buffer holds at once, so the receiver gets it in pieces.</source>
        <translation>现在进行一次 200 KB 的写入。它超过了接收端套接字缓冲区一次能容纳的量，所以接收端会分块收到。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Here: one write, %1.</source>
        <translation>本次：一次写入，%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the 200 KB at the receiver</source>
        <translation>接收端收到这 200 KB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nagle&apos;s algorithm off</source>
        <translation>关闭 Nagle 算法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender connects again with TCP_NODELAY: each small write now goes out at once, in a segment of its own.</source>
        <translation>发送端使用 TCP_NODELAY 重新连接：现在每次小写入都会立即发出，各自占用一个报文段。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the sender connected again</source>
        <translation>发送端重新连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Five small writes, Nagle off</source>
        <translation>五次小写入，Nagle 关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same five writes. Each leaves at once, yet the receiver still reads whatever has arrived when it reads.</source>
        <translation>同样的五次写入。每次都立即发出，但接收端每次读取时读到的仍是当时已到达的全部数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line framing</source>
        <translation>按行分帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receiver now cuts the stream at each newline. The sender writes five lines in three writes that cut lines in the middle; the framing still gives exactly the five lines.</source>
        <translation>接收端现在在每个换行符处切分字节流。发送端用三次写入发送五行，写入边界落在行的中间；分帧后仍然恰好得到这五行。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Here: 3 writes, %1, 5 messages.</source>
        <translation>本次：3 次写入，%1，5 条消息。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>five lines at the receiver</source>
        <translation>接收端收到五行</translation>
    </message>
    <message>
        <location filename="../core/demotcpudp.cpp" line="+107"/>
        <source>TCP vs UDP</source>
        <translation>TCP 与 UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100 numbered messages over TCP and over UDP through a lossy simulated link: UDP loses, duplicates and reorders; TCP delivers each one, in order, once.</source>
        <translation>通过一条有丢包的模拟链路，分别用 TCP 和 UDP 发送 100 条编号消息：UDP 会丢包、重复和乱序；TCP 则按顺序将每条消息恰好送达一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Arrived in order</source>
        <translation>按序到达</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>Duplicated</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reordered</source>
        <translation>乱序</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Start the receivers</source>
        <translation>启动两个接收端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TCP server that cuts its stream into lines, and a UDP socket bound to a port: each waits for 100 numbered messages.</source>
        <translation>一个把字节流切分成行的 TCP 服务器，以及一个绑定到某端口的 UDP 套接字：两者各自等待 100 条编号消息。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>both receivers bound</source>
        <translation>两个接收端均已绑定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the senders</source>
        <translation>启动两个发送端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The TCP sender connects (a handshake). The UDP sender only binds: there is no connection. Its datagrams go through a simulated link — %1 — not a real network.</source>
        <translation>TCP 发送端发起连接（一次握手）。UDP 发送端只进行绑定：没有连接。它的数据报经过一条模拟链路——%1——而不是真实网络。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1% loss, %2% duplicates, %3 ± %4 ms delay, seed %5</source>
        <translation>丢包 %1%，重复 %2%，延迟 %3 ± %4 ms，种子 %5</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the TCP sender connected and the UDP sender bound</source>
        <translation>TCP 发送端已连接且 UDP 发送端已绑定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>100 messages over TCP</source>
        <translation>通过 TCP 发送 100 条消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The TCP sender writes the lines 1 to 100. TCP numbers every byte and acknowledges it: the receiver reads each line once, in order.</source>
        <translation>TCP 发送端写入第 1 至第 100 行。TCP 为每个字节编号并加以确认：接收端按顺序将每一行恰好读取一次。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the 100 lines at the TCP receiver</source>
        <translation>TCP 接收端收到这 100 行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>100 datagrams over UDP</source>
        <translation>通过 UDP 发送 100 个数据报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The UDP sender sends the datagrams 1 to 100, one every 5 ms. Nothing numbers or acknowledges them: what the link drops is gone, and the rest arrive in whatever order the delays give them.</source>
        <translation>UDP 发送端依次发送第 1 至第 100 个数据报，每 5 ms 一个。没有任何机制为它们编号或确认：链路丢掉的就没了，其余的则按延迟造成的任意顺序到达。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Of %1 datagrams, %2 arrived: %3 lost, %4 duplicated, %5 out of order. UDP itself tells the program nothing of this.</source>
        <translation>%1 个数据报中到达了 %2 个：丢失 %3 个，重复 %4 个，乱序 %5 个。UDP 本身不会把这些情况告诉程序。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the datagrams to stop arriving</source>
        <translation>数据报停止到达</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What this means</source>
        <translation>这说明了什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP delivered every message, in order, once; UDP did not. On a real lossy network TCP retransmits what is lost and slows down, but it never shows the application a gap.</source>
        <translation>TCP 按顺序把每条消息恰好送达一次；UDP 做不到。在真实的有丢包网络上，TCP 会重传丢失的数据并放慢速度，但绝不会让应用程序看到缺口。</translation>
    </message>
</context>
<context>
    <name>SockPlay::DtlsClientEndpoint</name>
    <message>
        <location filename="../core/dtlsclientendpoint.cpp" line="+32"/>
        <source>port 0 cannot be connected to — use the server&apos;s port (1–65535)</source>
        <translation>无法连接到端口 0 — 请使用服务器的端口（1–65535）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot start the DTLS client: %1</source>
        <translation>无法启动 DTLS 客户端：%1</translation>
    </message>
</context>
<context>
    <name>SockPlay::DtlsServerEndpoint</name>
    <message>
        <location filename="../core/dtlsserverendpoint.cpp" line="+50"/>
        <source>“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>“%1”不是可绑定的地址 — 请使用 127.0.0.1、::1、0.0.0.0 或 ::</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot start the DTLS server: %1</source>
        <translation>无法启动 DTLS 服务器：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot bind %1: %2</source>
        <translation>无法绑定 %1: %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::Endpoint</name>
    <message>
        <location filename="../core/endpoint.cpp" line="+148"/>
        <source>Cannot change the framing: connection #%1 is gone.</source>
        <translation>无法更改分帧：连接 #%1 已不存在。</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>not connected — connect first</source>
        <translation>未连接——请先连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not started</source>
        <translation>%1 尚未启动</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no client is connected</source>
        <translation>没有已连接的客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no peer yet — nobody has sent a datagram here</source>
        <translation>尚无对端——还没有人向这里发送过数据报</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+14"/>
        <location line="+22"/>
        <source>connection #%1 is not open</source>
        <translation>连接 #%1 未打开</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+14"/>
        <source>peer #%1 is not known</source>
        <translation>对端 #%1 未知</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has nothing to half-close</source>
        <translation>%1 没有可半关闭的连接</translation>
    </message>
</context>
<context>
    <name>SockPlay::EndpointPane</name>
    <message>
        <location filename="../ui/endpointpane.cpp" line="+78"/>
        <source>%1 error</source>
        <translation>%1 错误</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Nothing to send: the payload is empty.</source>
        <translation>无内容可发送：载荷为空。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 messages</source>
        <translation>%1 消息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>Auto-reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>How received bytes are cut into messages, and rules that answer them</source>
        <translation>如何将接收到的字节切分成消息，以及对消息作出应答的规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rates</source>
        <translation>%1 速率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rates</source>
        <translation>速率</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bytes per second in and out over the last minute</source>
        <translation>最近一分钟内每秒接收和发送的字节数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 message tabs</source>
        <translation>%1 消息选项卡</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 sent</source>
        <translation>已发送 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 sent</source>
        <translation>已发送 %1/%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Library</source>
        <translation>消息库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved messages, shared by both panes: click loads, double-click sends</source>
        <translation>已保存的消息，两个面板共用：单击载入，双击发送</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Auto-reply (%1)</source>
        <translation>自动回复（%1）</translation>
    </message>
</context>
<context>
    <name>SockPlay::EventDetailView</name>
    <message>
        <location filename="../ui/eventdetailview.cpp" line="+48"/>
        <location line="+109"/>
        <location line="+11"/>
        <source>Event details</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Copy deta&amp;ils</source>
        <translation>复制详情(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy event details</source>
        <translation>复制事件详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the metadata, the chunks and the hex dump as text</source>
        <translation>以文本形式复制元数据、分块和十六进制转储</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an event in the log to see its bytes.</source>
        <translation>在日志中选择一个事件以查看其字节。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Event metadata</source>
        <translation>事件元数据</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chunks of the message</source>
        <translation>消息的分块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or double-click selects the event in the log</source>
        <translation>按 Enter 或双击可在日志中选中该事件</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+126"/>
        <location line="+6"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+133"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Payload hex dump</source>
        <translation>载荷十六进制转储</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Payload dropped: the log&apos;s payload budget ran out.</source>
        <translation>载荷已丢弃：日志的载荷配额已用完。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload: the first %1 of %2 bytes (the log&apos;s limit per event):</source>
        <translation>载荷：%2 字节中的前 %1 字节（日志对每个事件的上限）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload, offsets in the stream:</source>
        <translation>载荷，偏移为字节流中的位置：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload:</source>
        <translation>载荷：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(the first %1 bytes are shown; Copy details copies all %2)</source>
        <translation>（仅显示前 %1 字节；“复制详情”会复制全部 %2 字节）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (no longer in the log)</source>
        <translation>%1（已不在日志中）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>1 event dropped here</source>
        <translation>此处丢弃了 1 个事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 events dropped here</source>
        <translation>此处丢弃了 %1 个事件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, %1</source>
        <translation>，%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (sequence #%2)</source>
        <translation>%1（序号 #%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, connection #%2</source>
        <translation>%1，连接 #%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>local %1, peer %2</source>
        <translation>本地 %1，对端 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>local %1</source>
        <translation>本地 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>peer %1</source>
        <translation>对端 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stream offset</source>
        <translation>字节流偏移</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, incoming</source>
        <translation>%1，接收方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, outgoing</source>
        <translation>%1，发送方向</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>dropped (the log&apos;s payload budget ran out)</source>
        <translation>已丢弃（日志的载荷配额已用完）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>truncated: %1 of %2 bytes kept</source>
        <translation>已截断：保留了 %2 字节中的 %1 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detail</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Came in 1 read:</source>
        <translation>经 1 次读取到达：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Came in %1 reads:</source>
        <translation>分 %1 次读取到达：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first %1 bytes came in reads no longer in the log.</source>
        <translation>前 %1 字节所在的读取已不在日志中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first %1 bytes came in reads more than %2 events earlier (not looked up).</source>
        <translation>前 %1 字节来自超过 %2 个事件之前的读取（未回溯查找）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fed 1 message:</source>
        <translation>参与构成 1 条消息：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fed %1 messages:</source>
        <translation>参与构成 %1 条消息：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>  #%1 %2  %3  offset %4  %5 bytes
</source>
        <translation>  #%1 %2  %3  偏移 %4  %5 字节
</translation>
    </message>
</context>
<context>
    <name>SockPlay::EventKind</name>
    <message>
        <location filename="../core/event.cpp" line="+13"/>
        <source>socket created</source>
        <translation>套接字已创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>looking up</source>
        <translation>正在解析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bound</source>
        <translation>已绑定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listening</source>
        <translation>正在监听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turned away</source>
        <translation>已回绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagram sent</source>
        <translation>数据报已发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagram received</source>
        <translation>数据报已接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>automatic reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done sending</source>
        <translation>发送完毕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer closed</source>
        <translation>对端已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped (simulated)</source>
        <translation>已丢弃（模拟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>secured</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped</source>
        <translation>已丢弃</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>SockPlay::FocusRing</name>
    <message>
        <location filename="../ui/focusring.cpp" line="+16"/>
        <source>Focus ring</source>
        <translation>焦点环</translation>
    </message>
</context>
<context>
    <name>SockPlay::Ladder</name>
    <message>
        <location filename="../core/ladder.cpp" line="+226"/>
        <source>peer %1</source>
        <translation>对端 %1</translation>
    </message>
    <message>
        <location filename="../core/ladderflow.cpp" line="+263"/>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reply %1</source>
        <translation>回复 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(read as %1 chunks)</source>
        <translation>（分 %1 次读取）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(duplicate)</source>
        <translation>（重复）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(reordered)</source>
        <translation>（乱序）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(dropped by the simulated link)</source>
        <translation>（被模拟链路丢弃）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(lost)</source>
        <translation>（丢失）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>RST (refused)</source>
        <translation>RST（拒绝）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turned away (RST)</source>
        <translation>已回绝（RST）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>datagram %1</source>
        <translation>数据报 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS handshake (%1)</source>
        <translation>TLS 握手（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DTLS handshake</source>
        <translation>DTLS 握手</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DTLS handshake (%1)</source>
        <translation>DTLS 握手（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>message, %1 to %2, %3</source>
        <translation>消息，%1 到 %2，%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagram, %1 to %2, %3</source>
        <translation>数据报，%1 到 %2，%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turned away, %1 to %2</source>
        <translation>已回绝，%1 到 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 to %3</source>
        <translation>%1，%2 到 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by the kernel</source>
        <translation>由内核发出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not seen arriving</source>
        <translation>未见到达</translation>
    </message>
</context>
<context>
    <name>SockPlay::LifecycleDiagram</name>
    <message>
        <location filename="../ui/lifecyclediagram.cpp" line="+51"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>and %n more connection(s)</source>
        <translation>
            <numerusform>另有 %n 个连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>and %n more client(s)</source>
        <translation>
            <numerusform>另有 %n 个客户端</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>connection #%1: </source>
        <translation>连接 #%1：</translation>
    </message>
</context>
<context>
    <name>SockPlay::LifecycleFlow</name>
    <message>
        <location filename="../core/lifecycleflow.cpp" line="+62"/>
        <source>the name is looked up first: socket() needs the address family it finds</source>
        <translation>先解析主机名：socket() 需要解析得到的地址族</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a UDP socket exists: DTLS will make an association over it</source>
        <translation>UDP 套接字已存在：DTLS 将在其上建立关联</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a UDP socket exists: it will never have a connection</source>
        <translation>UDP 套接字已创建：它永远不会有连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a TCP socket exists, for the address family of the peer</source>
        <translation>TCP 套接字已创建，使用对端的地址族</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a TCP socket exists, not yet tied to an address</source>
        <translation>TCP 套接字已创建，尚未关联任何地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the socket owns a local port: datagrams sent to it arrive here</source>
        <translation>套接字占有一个本地端口：发往该端口的数据报会到达这里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the socket now owns a local address and port</source>
        <translation>套接字现在占有本地地址和端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the kernel now completes handshakes for us and queues them</source>
        <translation>从此由内核替我们完成握手，并将其放入队列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new socket for this client; the listening socket keeps listening</source>
        <translation>为该客户端新建一个套接字；监听套接字继续监听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>takes the next finished handshake from the queue: one new socket per client</source>
        <translation>从队列中取出下一个已完成的握手：每个客户端一个新套接字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connect() on UDP only fixes the peer: nothing is sent, the kernel picks our port</source>
        <translation>UDP 上的 connect() 只确定对端：不发送任何数据，内核为我们选择端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SYN sent; the kernel does the handshake (SYN, SYN-ACK, ACK) and returns when it is done</source>
        <translation>已发送 SYN；由内核完成握手（SYN、SYN-ACK、ACK），完成后返回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server answers the first ClientHello with a cookie; the ClientHello goes again with it, proving our address</source>
        <translation>服务器用一个 cookie 回应第一个 ClientHello；ClientHello 带着它再次发送，证明我们的地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this client echoed its cookie: its address is proven, and it gets a DTLS state of its own on the server&apos;s one socket</source>
        <translation>该客户端回送了它的 cookie：地址已得到证明，它在服务器唯一的套接字上获得自己的 DTLS 状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a ClientHello without a valid cookie gets one back (HelloVerifyRequest) and costs no memory; a client that echoes it has proven its address</source>
        <translation>没有有效 cookie 的 ClientHello 会收到一个（HelloVerifyRequest），不占用内存；回送它的客户端证明了自己的地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the DTLS handshake: certificates, keys agreed, each flight sent again if lost; from here on every datagram is encrypted</source>
        <translation>DTLS 握手：证书、协商密钥，丢失的每个 flight 都会重发；此后每个数据报都被加密</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the TLS handshake: hello messages, the server&apos;s certificate, keys agreed; from here on every byte is encrypted</source>
        <translation>TLS 握手：交换问候消息、服务器证书，协商密钥；此后每个字节都经过加密</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an HTTP request asks to switch to WebSocket, the answer is 101 Switching Protocols; from here on the bytes are WebSocket frames</source>
        <translation>一个 HTTP 请求要求切换到 WebSocket，应答为 101 Switching Protocols；此后的字节都是 WebSocket 帧</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bytes flow both ways at the line&apos;s speed, as one stream: no addresses, no message boundaries</source>
        <translation>字节以线路速率双向流动，作为一个流：没有地址，没有消息边界</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>messages flow both ways, each one whole: the frames keep their boundaries</source>
        <translation>消息双向流动，每条都完整：帧保留了消息边界</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes flow both ways as one encrypted stream: no message boundaries</source>
        <translation>字节作为一个加密的流双向流动：没有消息边界</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bytes flow both ways as one stream: no message boundaries</source>
        <translation>字节作为一条字节流双向流动：没有消息边界</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>each datagram is one encrypted record: boundaries kept, none acknowledged</source>
        <translation>每个数据报是一个加密记录：边界保留，不做确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each datagram travels alone, to or from any address; none is acknowledged</source>
        <translation>每个数据报独立传输，可发往或来自任意地址；任何数据报都不会被确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FIN sent: we are done sending, and still receiving</source>
        <translation>已发送 FIN：我方发送完毕，但仍在接收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the device file is opened: the program holds the port now, no other program should</source>
        <translation>设备文件已打开：现在由本程序占用端口，其他程序不应再用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the line is set up: speed, bits per character, parity, stop bits, flow control, and the DTR and RTS lines</source>
        <translation>线路已设置：速率、每字符位数、校验、停止位、流控制，以及 DTR 和 RTS 线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>close_notify tells the client its association is over; the server&apos;s socket stays, for the others</source>
        <translation>close_notify 告诉客户端其关联已结束；服务器的套接字保留，供其他客户端使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>close_notify tells the peer the association is over; the socket is released</source>
        <translation>close_notify 告诉对端关联已结束；套接字被释放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the device is released: the driver usually lowers DTR, which many devices take as a hang-up</source>
        <translation>设备已释放：驱动通常会拉低 DTR，许多设备将其视为挂断</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the listening socket is closed: no new clients</source>
        <translation>监听套接字已关闭：不再有新客户端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the socket and its port are released</source>
        <translation>套接字及其端口已释放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection ends: FIN sent, the kernel finishes the goodbye</source>
        <translation>连接结束：已发送 FIN，由内核完成告别挥手</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not yet</source>
        <translation>未进行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>closed by us</source>
        <translation>由我方关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed by the peer</source>
        <translation>由对端关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset</source>
        <translation>已重置</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Relay (UDP)</source>
        <translation>中继（UDP）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay (TLS for its clients)</source>
        <translation>中继（对客户端使用 TLS）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relay</source>
        <translation>中继</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS server</source>
        <translation>TLS 服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS client</source>
        <translation>TLS 客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket server</source>
        <translation>WebSocket 服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WebSocket client</source>
        <translation>WebSocket 客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket server (wss)</source>
        <translation>WebSocket 服务器（wss）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WebSocket client (wss)</source>
        <translation>WebSocket 客户端（wss）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP socket</source>
        <translation>UDP 套接字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DTLS server</source>
        <translation>DTLS 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DTLS client</source>
        <translation>DTLS 客户端</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the device went away (unplugged, or the program at its other end closed it): we close it too</source>
        <translation>设备已消失（被拔出，或另一端的程序关闭了它）：我们也关闭它</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the peer sent close_notify: the association is over (UDP has no FIN)</source>
        <translation>对端发送了 close_notify：关联已结束（UDP 没有 FIN）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the handshake did not finish: the association is dropped</source>
        <translation>握手未完成：关联被丢弃</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>we closed first: our FIN went out, the kernel finishes the goodbye</source>
        <translation>我方先关闭：我方的 FIN 已发出，由内核完成告别挥手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer closed first: recv() returned 0 (FIN received), so we close too</source>
        <translation>对端先关闭：recv() 返回了 0（收到 FIN），因此我方也关闭</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the connection was reset (RST): the kernel dropped it at once</source>
        <translation>连接被重置（RST）：内核立即将其丢弃</translation>
    </message>
</context>
<context>
    <name>SockPlay::LifecycleLabel</name>
    <message>
        <location filename="../ui/lifecyclelabel.cpp" line="+113"/>
        <source>TCP server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>UDP socket, no connections</source>
        <translation>UDP 套接字，无连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TCP client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP client, no handshake</source>
        <translation>UDP 客户端，无握手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bind(any port)</source>
        <extracomment>A socket call as pseudo-code: bind() with port 0, the system picks one.</extracomment>
        <translation>bind(任意端口)</translation>
    </message>
</context>
<context>
    <name>SockPlay::LifecycleView</name>
    <message>
        <location filename="../ui/lifecycleview.cpp" line="+18"/>
        <location line="+15"/>
        <source>Lifecycle diagrams</source>
        <translation>生命周期图</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Start a server or a client: its socket calls light up here as the real events arrive.</source>
        <translation>启动服务器或客户端：随着真实事件的到来，它的套接字调用会在这里逐一点亮。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>endpoint %1</source>
        <translation>端点 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 lifecycle</source>
        <translation>%1 的生命周期</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n older connection(s) not shown</source>
        <translation>
            <numerusform>另有 %n 个较早的连接未显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SockPlay::ListenWarning</name>
    <message>
        <location filename="../ui/listenwarning.cpp" line="+17"/>
        <source>Warning: reachable from the network</source>
        <translation>警告：可从网络访问</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Bound to every interface: other machines on the network can send to it.</source>
        <translation>已绑定到所有网络接口：网络上的其他计算机可以向它发送数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bound to %1, an address of the network: other machines can send to it.</source>
        <translation>已绑定到网络地址 %1：其他计算机可以向它发送数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening on every interface: other machines on the network can connect.</source>
        <translation>正在所有网络接口上监听：网络上的其他计算机可以连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listening on %1, an address of the network: other machines can connect.</source>
        <translation>正在网络地址 %1 上监听：其他计算机可以连接。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>127.0.0.1 or ::1 accept this machine only.</source>
        <translation>127.0.0.1 或 ::1 只接受本机的连接。</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogExportBar</name>
    <message>
        <location filename="../ui/logexportbar.cpp" line="+18"/>
        <source>Log export</source>
        <translation>日志导出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export log</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the log to a file (Ctrl+E): .pcapng for Wireshark, .csv or .jsonl</source>
        <translation>将日志写入文件（Ctrl+E）：.pcapng 供 Wireshark 使用，或 .csv、.jsonl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;All events…</source>
        <translation>所有事件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Only the rows the filter shows…</source>
        <translation>仅过滤器显示的行(&amp;O)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Autosave log</source>
        <translation>自动保存日志</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Autosave stopped: %1</source>
        <translation>自动保存已停止：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export error</source>
        <translation>导出错误</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported 1 event to %1</source>
        <translation>已导出 1 个事件到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 events to %2</source>
        <translation>已导出 %1 个事件到 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1 rows the log dropped meanwhile were skipped)</source>
        <translation>（已跳过期间被日志丢弃的 %1 行）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+61"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Export cancelled: %1 was left as it was</source>
        <translation>导出已取消：%1 保持原样</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export every event</source>
        <translation>导出所有事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the filtered rows</source>
        <translation>导出过滤后的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the selected rows</source>
        <translation>导出选中的行</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The filter is still going through the log: export its rows when it is done</source>
        <translation>过滤器仍在遍历日志：请等它完成后再导出过滤结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the filter is still scanning</source>
        <translation>过滤器仍在扫描</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Autosave the log to</source>
        <translation>自动保存日志到</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Autosave off: %1 events written to %2</source>
        <translation>自动保存已关闭：已向 %2 写入 %1 个事件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Autosave: %1</source>
        <translation>自动保存：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every new event is written to %1; click to stop</source>
        <translation>每个新事件都会写入 %1；点击可停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Autosave…</source>
        <translation>自动保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write every new event to a file as it arrives (.jsonl, .ndjson, .pcapng or .csv)</source>
        <translation>每个新事件一到达就写入文件（.jsonl、.ndjson、.pcapng 或 .csv）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export status: %1</source>
        <translation>导出状态：%1</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogExporter</name>
    <message>
        <location filename="../ui/logexporter.cpp" line="+25"/>
        <source>An export to %1 is still running</source>
        <translation>导出到 %1 的操作仍在进行</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>writing %1 failed: %2</source>
        <translation>写入 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogFilterBar</name>
    <message>
        <location filename="../ui/logfilterbar.cpp" line="+43"/>
        <source>Log filter and search</source>
        <translation>日志过滤与搜索</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text, regex or hex bytes in payloads and details</source>
        <translation>载荷和详情中的文本、正则表达式或十六进制字节</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find in the log (Ctrl+F); Enter or F3: next match, Shift+F3: previous</source>
        <translation>在日志中查找（Ctrl+F）；Enter 或 F3：下一个匹配，Shift+F3：上一个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search mode</source>
        <translation>搜索模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next match (F3, or Enter in the search field)</source>
        <translation>下一个匹配（F3，或在搜索框中按 Enter）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+159"/>
        <source>Matches</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event kinds shown</source>
        <translation>显示的事件类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors and notes</source>
        <translation>错误和提示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Side shown</source>
        <translation>显示的角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both sides</source>
        <translation>双方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection shown</source>
        <translation>显示的连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the events of connection #n (as in the Connection column); 0: the endpoints&apos; own events</source>
        <translation>仅显示连接 #n 的事件（编号同“连接”列）；0：端点自身的事件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Direction shown</source>
        <translation>显示的方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In and out</source>
        <translation>接收和发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In (received)</source>
        <translation>入（已接收）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out (sent)</source>
        <translation>出（已发送）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+182"/>
        <location line="+1"/>
        <source>Pause following</source>
        <translation>暂停跟随</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>Search error</source>
        <translation>搜索错误</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1, searching… %2%</source>
        <translation>%1，正在搜索… %2%</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>1 match</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>no matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 matches</source>
        <translation>第 %1 个，共 %2 个匹配</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matches: %1</source>
        <translation>匹配项：%1</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+1"/>
        <source>Jump to newest</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the newest events and follow them again</source>
        <translation>显示最新事件并重新跟随</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop scrolling to new events (the log keeps recording)</source>
        <translation>停止滚动到新事件（日志仍继续记录）</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogLimitsDialog</name>
    <message>
        <location filename="../ui/loglimitsdialog.cpp" line="+25"/>
        <location line="+1"/>
        <source>Log limits</source>
        <translation>日志上限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events kept</source>
        <translation>保留的事件数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Payload memory in MiB</source>
        <translation>载荷内存（MiB）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payload kept per event in KiB</source>
        <translation>每个事件保留的载荷（KiB）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When the log is full, the oldest data events go first; connections, lifecycle steps and errors are kept longer, and a row says how many events were dropped. When the payload memory runs out, the oldest events lose their bytes first.</source>
        <translation>日志已满时，最早的数据事件最先被丢弃；连接、生命周期步骤和错误会保留更久，并由一行说明丢弃了多少个事件。载荷内存用尽时，最早的事件最先失去其字节。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Events kept:</source>
        <translation>保留的事件数(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Payload memory:</source>
        <translation>载荷内存(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload kept per &amp;event:</source>
        <translation>每个事件保留的载荷(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogModel</name>
    <message>
        <location filename="../ui/logmodel.cpp" line="+207"/>
        <source>(payload dropped: the log&apos;s payload budget ran out)</source>
        <translation>（载荷已丢弃：日志的载荷配额已用尽）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>⋯ 1 event dropped here</source>
        <translation>⋯ 此处丢弃了 1 个事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>⋯ %1 events dropped here</source>
        <translation>⋯ 此处丢弃了 %1 个事件</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(no longer kept)</source>
        <translation>（已不再保留）</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+35"/>
        <source>local %1</source>
        <translation>本地 %1</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>local %1, peer %2</source>
        <translation>本地 %1，对端 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the log keeps the newest %2 events, and connections, lifecycle steps and errors longer (Limits… changes how many)</source>
        <translation>%1：日志保留最新的 %2 个事件，连接、生命周期步骤和错误则保留更久（可在“上限…”中修改数量）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload (hex)</source>
        <translation>载荷（十六进制）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload (text)</source>
        <translation>载荷（文本）</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogRowActions</name>
    <message>
        <location filename="../ui/logrowactions.cpp" line="+27"/>
        <source>Log row actions</source>
        <translation>日志行操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as &amp;hex</source>
        <translation>复制为十六进制(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;details</source>
        <translation>显示详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter to this co&amp;nnection</source>
        <translation>只显示此连接(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter to this &amp;endpoint</source>
        <translation>只显示此端点(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport selected rows…</source>
        <translation>导出选中的行(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>payloads as hex</source>
        <translation>个十六进制载荷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied the first %1 of %2 selected %3 (at most %1 at once: export the rest)</source>
        <translation>已复制前 %1 项，共选中 %2 %3（一次最多复制 %1 项：其余请导出）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied %1 %2</source>
        <translation>已复制 %1 %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogTableView</name>
    <message>
        <location filename="../ui/logtableview.cpp" line="+23"/>
        <source>Live log table</source>
        <translation>实时日志表格</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogView</name>
    <message>
        <location filename="../ui/logview.cpp" line="+37"/>
        <location line="+2"/>
        <source>Live log</source>
        <translation>实时日志</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Events in the log</source>
        <translation>日志中的事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pa&amp;yload as</source>
        <translation>载荷显示为(&amp;Y)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log payload display</source>
        <translation>日志载荷显示方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Bytes &amp;&amp; details</source>
        <translation>字节&amp;&amp;详情(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show event details</source>
        <translation>显示事件详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected event&apos;s bytes as a hex dump, its metadata, and the reads a message came in.
Enter or a double-click on a row shows them too.</source>
        <translation>所选事件字节的十六进制转储、它的元数据，以及消息是由哪些读取收到的。
在行上按 Enter 或双击也会显示这些内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Li&amp;mits…</source>
        <translation>上限(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log limits</source>
        <translation>日志上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many events the log keeps, and how many payload bytes</source>
        <translation>日志保留多少个事件，以及多少载荷字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lear log</source>
        <translation>清空日志(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear log</source>
        <translation>清空日志</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>1 event</source>
        <translation>1 个事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 events</source>
        <translation>%1 个事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1 dropped)</source>
        <translation>（已丢弃 %1 个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events in the log: %1</source>
        <translation>日志中的事件：%1</translation>
    </message>
</context>
<context>
    <name>SockPlay::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+47"/>
        <source>SockPlay</source>
        <translation>SockPlay</translation>
    </message>
    <message>
        <location line="+38"/>
        <location filename="../ui/mainwindowfiles.cpp" line="+112"/>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Script panel</source>
        <translation>脚本面板</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show or hide the script panel (Ctrl+Shift+R)</source>
        <translation>显示或隐藏脚本面板（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show or hide the script panel</source>
        <translation>显示或隐藏脚本面板</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>“%1” is now “%2”</source>
        <translation>“%1”已重命名为“%2”</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Endpoints: %1 (%2 running)    TCP connections: %3    UDP peers: %4    In: %5 bytes (%6, %7 msg/s)    Out: %8 bytes (%9, %10 msg/s)</source>
        <translation>端点：%1（%2 个运行中）    TCP 连接：%3    UDP 对端：%4    接收：%5 字节（%6，%7 条消息/秒）    发送：%8 字节（%9，%10 条消息/秒）</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcode.cpp" line="+23"/>
        <location line="+7"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show or hide: the program in Python, Go or C++ (%1)</source>
        <translation>显示或隐藏：用 Python、Go 或 C++ 写成的程序（%1）</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowdemos.cpp" line="+41"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Demo panel</source>
        <translation>演示面板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the demo&apos;s steps, narration and counters</source>
        <translation>显示或隐藏演示的步骤、讲解和计数器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demos</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demos menu</source>
        <translation>演示菜单</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="-49"/>
        <source>Menu bar</source>
        <translation>菜单栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File menu</source>
        <translation>文件菜单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open session…</source>
        <translation>打开会话…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save session…</source>
        <translation>保存会话…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View menu</source>
        <translation>视图菜单</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Endpoints menu</source>
        <translation>端点菜单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New server</source>
        <translation>新建服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New client</source>
        <translation>新建客户端</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename endpoint…</source>
        <translation>重命名端点…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close endpoint</source>
        <translation>关闭端点</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Help menu</source>
        <translation>帮助菜单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About SockPlay</source>
        <translation>关于 SockPlay</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rename endpoint</source>
        <translation>重命名端点</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>New name for “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+10"/>
        <source>SockPlay sessions (*.json);;All files (*)</source>
        <translation>SockPlay 会话 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+41"/>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Could not open the session: %1</source>
        <translation>无法打开会话：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n message(s) added to the library</source>
        <translation>
            <numerusform>已向消息库添加 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its script is in the script panel (Ctrl+Shift+R)</source>
        <translation>其脚本已载入脚本面板（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened session %1%2</source>
        <translation>已打开会话 %1%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved session %1</source>
        <translation>已保存会话 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the session: %1</source>
        <translation>无法保存会话：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowteaching.cpp" line="+56"/>
        <location line="+44"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+41"/>
        <source>Sequence diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Show or hide: %1 (%2)</source>
        <translation>显示或隐藏：%1（%2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show or hide: %1</source>
        <translation>显示或隐藏：%1</translation>
    </message>
</context>
<context>
    <name>SockPlay::MessageLibraryModel</name>
    <message>
        <location filename="../ui/messagelibrarymodel.cpp" line="+22"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no line ending</source>
        <translation>无行尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LF</source>
        <translation>LF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRLF</source>
        <translation>CRLF</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The message library could not be loaded (%1). It starts empty; the file stays as it is until you change the library, then it is kept as %2.</source>
        <translation>无法加载消息库（%1）。消息库将从空白开始；在你修改消息库之前，该文件保持原样，修改后原文件将保留为 %2。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot keep the unreadable library as %1: %2</source>
        <translation>无法将不可读的消息库保留为 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot save the message library: %1</source>
        <translation>无法保存消息库：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library is full (%1 messages).</source>
        <translation>消息库已满（%1 条消息）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no message %1 to remove.</source>
        <translation>第 %1 条消息不存在，无法移除。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no message %1 to rename.</source>
        <translation>第 %1 条消息不存在，无法重命名。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot import %1</source>
        <translation>无法导入 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot import %1: its %2 messages and the %3 in the library are more than %4.</source>
        <translation>无法导入 %1：其中的 %2 条消息加上消息库中已有的 %3 条，超过了 %4 条。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
</context>
<context>
    <name>SockPlay::MessageLibraryView</name>
    <message>
        <location filename="../ui/messagelibraryview.cpp" line="+24"/>
        <source>SockPlay messages (*.json);;All files (*)</source>
        <translation>SockPlay 消息 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message %1</source>
        <translation>消息 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click to load, double-click to send, drag to reorder.</source>
        <translation>单击载入，双击发送，拖动可调整顺序。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 message library</source>
        <translation>%1消息库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved messages. Enter loads, Ctrl+Enter sends, F2 renames, Delete removes, Ctrl+Up and Ctrl+Down move the message.</source>
        <translation>已保存的消息。Enter 载入，Ctrl+Enter 发送，F2 重命名，Delete 移除，Ctrl+Up 和 Ctrl+Down 移动消息。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Load into the editor</source>
        <translation>载入编辑器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Save current…</source>
        <translation>保存当前…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 library: save the current message</source>
        <translation>%1消息库：保存当前消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the message in the editor under a name</source>
        <translation>将编辑器中的消息以一个名称保存下来</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 library: remove the selected message</source>
        <translation>%1消息库：移除选中的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected message from the library (Delete)</source>
        <translation>从消息库中移除选中的消息（Delete）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 library: import messages</source>
        <translation>%1消息库：导入消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the messages of a library file after these</source>
        <translation>将消息库文件中的消息添加到现有消息之后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 library: export messages</source>
        <translation>%1消息库：导出消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the library to a file</source>
        <translation>将消息库写入文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 library error</source>
        <translation>%1消息库错误</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Cannot save the message: %1</source>
        <translation>无法保存消息：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name of the message to save</source>
        <translation>要保存的消息的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save message</source>
        <translation>保存消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Import messages</source>
        <translation>导入消息</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export messages</source>
        <translation>导出消息</translation>
    </message>
</context>
<context>
    <name>SockPlay::MulticastOptionsPanel</name>
    <message>
        <location filename="../ui/multicastoptionspanel.cpp" line="+31"/>
        <source>Multicast and broadcast</source>
        <translation>组播和广播</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 multicast and broadcast settings</source>
        <translation>%1 组播和广播设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join multicast groups: datagrams sent to a group reach every member</source>
        <translation>加入组播组：发往组的数据报会到达每个成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How multicast and broadcast datagrams go out; the host above may be a group (239.255.0.1, ff02::1:5) or a broadcast address</source>
        <translation>组播和广播数据报如何发出；上面的主机可以是一个组（239.255.0.1、ff02::1:5）或广播地址</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+4"/>
        <source>%1 multicast interface</source>
        <translation>%1 组播接口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system&apos;s choice</source>
        <translation>由系统选择</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the groups are joined: lo keeps them on this machine</source>
        <translation>在哪里加入组：lo 使其留在本机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where multicast goes out: lo keeps it on this machine</source>
        <translation>组播从哪里发出：lo 使其留在本机</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 multicast groups</source>
        <translation>%1 组播组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 239.255.0.1, ff02::1:5</source>
        <translation>例如 239.255.0.1, ff02::1:5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined as the receiver starts (IPv4 and IPv6, separated by commas); it then binds every interface at its port, as group members do</source>
        <translation>接收方启动时加入（IPv4 和 IPv6，用逗号分隔）；随后它像组成员一样在其端口上绑定所有接口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups</source>
        <translation>组</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 group to join or leave</source>
        <translation>%1 要加入或离开的组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a group, while running</source>
        <translation>运行时的一个组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 join the group</source>
        <translation>%1 加入该组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 leave the group</source>
        <translation>%1 离开该组</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 multicast TTL</source>
        <translation>%1 组播 TTL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>system default (1)</source>
        <translation>系统默认（1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Routers a multicast datagram may cross (IPv6: the hop limit); 0 keeps it on this host, 1 on this network</source>
        <translation>组播数据报可穿越的路由器数（IPv6：跳数限制）；0 留在本机，1 留在本网络</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTL / hops</source>
        <translation>TTL / 跳数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loopback: this host&apos;s members get it too</source>
        <translation>回环：本机的成员也会收到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 multicast loopback</source>
        <translation>%1 组播回环</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May send to a broadcast address</source>
        <translation>可以发往广播地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 may broadcast</source>
        <translation>%1 可以广播</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SO_BROADCAST: without it the system refuses a send to a broadcast address (such as 255.255.255.255), and the log says so</source>
        <translation>SO_BROADCAST：没有它，系统会拒绝发往广播地址（如 255.255.255.255），日志会说明</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Multicast: the interface “%1”: %2</source>
        <translation>组播：接口“%1”：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Multicast: %1</source>
        <translation>组播：%1</translation>
    </message>
</context>
<context>
    <name>SockPlay::PayloadCodec</name>
    <message>
        <location filename="../core/payloadcodec.cpp" line="+158"/>
        <source>invalid base64 at character %1: %2 is not a base64 character</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>第 %1 个字符处的 base64 无效: %2 不是 base64 字符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid base64 at character %1: &apos;=&apos; pads the end only</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>第 %1 个字符处的 base64 无效: &apos;=&apos; 只能用于末尾填充</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>incomplete base64 at character %1: %2 characters do not make whole bytes</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>第 %1 个字符处的 base64 不完整: %2 个字符凑不成完整的字节</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invalid base64 at character %1: the padding does not fit</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>第 %1 个字符处的 base64 无效: 填充与数据不符</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>invalid escape at character %1: a lone backslash ends the text; write \\ for a backslash</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>第 %1 个字符处的转义无效: 文本以单个反斜杠结尾；反斜杠本身请写作 \\</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>invalid escape at character %1: %2 needs exactly two hex digits after \x, as in \x41</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>第 %1 个字符处的转义无效: %2 中 \x 后面必须正好是两位十六进制数字，如 \x41</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid escape at character %1: \%2 is not one of \n \r \t \\ \0 \xHH</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>第 %1 个字符处的转义无效: \%2 不是 \n \r \t \\ \0 \xHH 之一</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>invalid hex at character %1: %2 is not a hex digit</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>第 %1 个字符处的十六进制无效: %2 不是十六进制数字</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>odd number of hex digits (%1): each byte needs two; the digit at character %2 has no partner</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>十六进制数字个数为奇数（%1）: 每个字节需要两位；第 %2 个字符处的数字没有与之配对的数字</translation>
    </message>
</context>
<context>
    <name>SockPlay::PayloadEditor</name>
    <message>
        <location filename="../ui/payloadeditor.cpp" line="+35"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+369"/>
        <source>The bytes to send. Press Enter to send, Up and Down for the history.</source>
        <translation>要发送的字节。按 Enter 发送，按 Up 和 Down 浏览历史记录。</translation>
    </message>
    <message>
        <location line="-359"/>
        <source>payload error</source>
        <translation>载荷错误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>payload mode</source>
        <translation>载荷模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text: characters with escapes (\n \t \x41) and macros
      ({{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}})
Hex: exact bytes (48 65 6c 6c 6f)
Base64: exact bytes (SGVsbG8=)
File: the bytes of a file, streamed</source>
        <translation>文本：字符，可含转义（\n \t \x41）和宏
      （{{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}}）
十六进制：精确的字节（48 65 6c 6c 6f）
Base64：精确的字节（SGVsbG8=）
文件：文件的字节，以流式发送</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line ending</source>
        <translation>行尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No line ending</source>
        <translation>无行尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LF (\n)</source>
        <translation>LF (\n)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRLF (\r\n)</source>
        <translation>CRLF (\r\n)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose a file to send</source>
        <translation>选择要发送的文件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>repeat count</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ×</source>
        <translation> 次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many times Send sends: 1 once, 0 until you press Stop.
{{counter}} counts the sends: 1, 2, 3, …</source>
        <translation>“发送”发送的次数：1 为一次，0 为一直发送直到按下“停止”。
{{counter}} 为发送计数：1, 2, 3, …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>repeat interval in milliseconds</source>
        <translation>重复间隔（毫秒）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time between two sends of a repeat, down to 1 ms; the schedule never drifts.</source>
        <translation>重复发送时两次发送之间的间隔，最短 1 ms；发送计划不会产生累积偏差。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sto&amp;p</source>
        <translation>停止(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stop sending</source>
        <translation>停止发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>send progress</source>
        <translation>发送进度</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>invalid text at character %1: \%2 stands for a regex group, which only a reply rule has (\\%2 sends a backslash)</source>
        <translation>第 %1 个字符处的文本无效: \%2 表示正则表达式的分组，只有回复规则才有分组（要发送反斜杠请写 \\%2）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose a file to send (or type its path).</source>
        <translation>选择要发送的文件（或输入其路径）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No such file: %1</source>
        <translation>文件不存在：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read %1: not a readable file.</source>
        <translation>无法读取 %1：不是可读取的文件。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A file is sent by streaming, not as one payload.</source>
        <translation>文件以流式发送，而不是作为单个载荷发送。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Clear %1 payload</source>
        <translation>清空%1载荷</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Send a file</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bytes added after the typed text</source>
        <translation>追加在输入文本之后的字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex and Base64 send exactly the bytes you type</source>
        <translation>十六进制和 Base64 模式会原样发送你输入的字节</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type a message, press Enter to send</source>
        <translation>输入消息，按 Enter 发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hex bytes, e.g. 48 65 6c 6c 6f 0a</source>
        <translation>十六进制字节，例如 48 65 6c 6c 6f 0a</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Base64, e.g. SGVsbG8K</source>
        <translation>Base64，例如 SGVsbG8K</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Path of a file to send, or Choose file…</source>
        <translation>要发送的文件路径，或点击“选择文件…”</translation>
    </message>
</context>
<context>
    <name>SockPlay::PresenterMode</name>
    <message>
        <location filename="../ui/presentermode.cpp" line="+56"/>
        <source>Presenter mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Large text, high contrast, a thick focus ring, the teaching views up front (F5)</source>
        <translation>大字号、高对比度、粗焦点框，教学视图置于最前 (F5)</translation>
    </message>
</context>
<context>
    <name>SockPlay::RateChart</name>
    <message>
        <location filename="../ui/ratechart.cpp" line="+62"/>
        <source>In %1 (%2 messages/s), out %3 (%4 messages/s)</source>
        <translation>接收 %1（%2 条消息/s），发送 %3（%4 条消息/s）</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>In %1 · %2 msg/s</source>
        <translation>接收 %1 · %2 条消息/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Out %1 · %2 msg/s</source>
        <translation>发送 %1 · %2 条消息/s</translation>
    </message>
</context>
<context>
    <name>SockPlay::RateFormat</name>
    <message>
        <location filename="../ui/rateformat.cpp" line="+15"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>SockPlay::RelayEndpoint</name>
    <message>
        <location filename="../core/relayendpoint.cpp" line="+31"/>
        <source>cannot start the relay: %1</source>
        <translation>无法启动中继：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot start the relay&apos;s TLS listener: %1</source>
        <translation>无法启动中继的 TLS 监听：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot set up TLS to the relay&apos;s target: %1</source>
        <translation>无法建立到中继目标的 TLS：%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>no client is connected</source>
        <translation>没有已连接的客户端</translation>
    </message>
</context>
<context>
    <name>SockPlay::RelayOptionsPanel</name>
    <message>
        <location filename="../ui/relayoptionspanel.cpp" line="+20"/>
        <location line="+79"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Relay</source>
        <translation>中继</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay settings</source>
        <translation>中继设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Relay target host</source>
        <translation>中继 目标主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host each client is forwarded to (a name or an address).</source>
        <translation>每个客户端被转发到的主机（名称或地址）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tar&amp;get</source>
        <translation>目标(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay target port</source>
        <translation>中继 目标端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port the target listens on.</source>
        <translation>目标监听的端口。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target port</source>
        <translation>目标端口</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS for the clients (self-signed, made at Start)</source>
        <translation>对客户端使用 TLS（自签名，启动时生成）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay TLS for the clients</source>
        <translation>中继 对客户端的 TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients reach the relay over TLS; the relay presents a certificate made at Start (clients must trust it or not verify).</source>
        <translation>客户端通过 TLS 连接中继；中继出示启动时生成的证书（客户端须信任它或不做验证）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS to the target</source>
        <translation>到目标使用 TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay TLS to the target</source>
        <translation>中继 到目标的 TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The relay reaches the target over TLS.</source>
        <translation>中继通过 TLS 连接目标。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the target&apos;s certificate</source>
        <translation>验证目标的证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay verify the target</source>
        <translation>中继 验证目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the target&apos;s chain (the system&apos;s CAs) and name. Off: each problem is logged as a note and the connection goes on.</source>
        <translation>检查目标的证书链（使用系统的 CA）和名称。关闭时：每个问题记为一条备注，连接继续。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Relay delay to the target</source>
        <translation>中继 到目标的延迟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each chunk from a client is held this long before it goes to the target.</source>
        <translation>来自客户端的每块数据在发往目标前保留这么久。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relay delay to the client</source>
        <translation>中继 到客户端的延迟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each chunk from the target is held this long before it goes to its client.</source>
        <translation>来自目标的每块数据在发往其客户端前保留这么久。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay to target</source>
        <translation>到目标的延迟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to client</source>
        <translation>到客户端</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;UDP: datagrams both ways</source>
        <translation>&amp;UDP：双向数据报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay UDP</source>
        <translation>中继 UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A UDP relay: each client (address and port) gets a socket of its own to the target, a datagram for a datagram. No TLS; the simulated link acts on the side to the target.</source>
        <translation>UDP 中继：每个客户端（地址和端口）获得一个通往目标的独立套接字，一个数据报对应一个数据报。不支持 TLS；模拟链路作用于通往目标的一侧。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay idle timeout</source>
        <translation>中继空闲超时</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A client&apos;s association ends after this long without a datagram either way.</source>
        <translation>客户端的关联在双向都没有数据报达到此时长后结束。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The relay needs a target: type the host each client is forwarded to.</source>
        <translation>中继需要一个目标：请输入每个客户端要转发到的主机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The relay needs the target&apos;s port (1–65535).</source>
        <translation>中继需要目标的端口（1–65535）。</translation>
    </message>
</context>
<context>
    <name>SockPlay::RuleDialog</name>
    <message>
        <location filename="../ui/ruledialog.cpp" line="+35"/>
        <location line="+1"/>
        <source>Auto-reply rule</source>
        <translation>自动回复规则</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When a message</source>
        <translation>当消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any message</source>
        <translation>任意消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on connect (a greeting)</source>
        <translation>连接建立时（问候语）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is exactly</source>
        <translation>完全等于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matches the regex</source>
        <translation>匹配正则表达式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starts with the hex bytes</source>
        <translation>以十六进制字节开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule pattern</source>
        <translation>规则匹配内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reply with</source>
        <translation>回复内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hex bytes</source>
        <translation>十六进制字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message itself (echo)</source>
        <translation>消息本身（回显）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing, close the connection</source>
        <translation>不回复，关闭连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>不回复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule reply</source>
        <translation>规则回复内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escapes \n \r \t \xHH; \1 … \9: the regex&apos;s groups;
{{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}}</source>
        <translation>转义：\n \r \t \xHH；\1 … \9：正则表达式的分组；
{{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>then c&amp;lose the connection</source>
        <translation>然后关闭连接(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close after replying</source>
        <translation>回复后关闭连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply delay in milliseconds</source>
        <translation>回复延迟（毫秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;try the next rules too</source>
        <translation>继续尝试后续规则(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue to the next rules</source>
        <translation>继续匹配后续规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: the first rule that matches is the only one that answers.</source>
        <translation>不勾选时：只有第一条匹配的规则会作出回复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule error</source>
        <translation>规则错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rule as a sockplay-cli option</source>
        <translation>此规则对应的 sockplay-cli 选项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;When</source>
        <translation>条件(&amp;W)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delay</source>
        <translation>延迟(&amp;D)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>e.g. ^PING (\d+)$</source>
        <translation>例如 ^PING (\d+)$</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 02 00</source>
        <translation>例如 02 00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text, \n for a newline</source>
        <translation>文本，\n 表示换行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. PONG \1\n</source>
        <translation>例如 PONG \1\n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 06</source>
        <translation>例如 06</translation>
    </message>
</context>
<context>
    <name>SockPlay::RulesPanel</name>
    <message>
        <location filename="../ui/rulespanel.cpp" line="+32"/>
        <source>each read as it came (no framing)</source>
        <translation>每次读取原样显示（不分帧）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line ends at LF (CR stripped)</source>
        <translation>每行以 LF 结束（去掉 CR）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line ends at LF (CR kept)</source>
        <translation>每行以 LF 结束（保留 CR）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line ends at CR LF</source>
        <translation>每行以 CR LF 结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ends at these hex bytes</source>
        <translation>以这些十六进制字节结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every N bytes</source>
        <translation>每 N 个字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a length prefix: len:BYTES[be|le][+incl][@OFFSET]</source>
        <translation>长度前缀：len:BYTES[be|le][+incl][@OFFSET]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 framing and auto-reply</source>
        <translation>%1分帧与自动回复</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>%1 framing</source>
        <translation>%1分帧</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How the received stream is cut into messages; the log shows each message.
Pick one, or type the CLI&apos;s --frame syntax, e.g. len:4le+incl@2 or delim:0d0a.</source>
        <translation>接收到的字节流如何切分为消息；日志中逐条显示消息。
可从中选择一项，或按 CLI 的 --frame 语法输入，例如 len:4le+incl@2 或 delim:0d0a。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 framing meaning</source>
        <translation>%1分帧说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 framing error</source>
        <translation>%1分帧错误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 auto-reply rules</source>
        <translation>%1自动回复规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tried in order on every message of every connection. Tick to switch a rule on;
drag, or Ctrl+Up/Ctrl+Down, to reorder; Enter edits; Delete removes.</source>
        <translation>对每个连接的每条消息按顺序尝试。勾选即可启用规则；
拖动或按 Ctrl+Up/Ctrl+Down 调整顺序；按 Enter 编辑；按 Delete 删除。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add &amp;rule…</source>
        <translation>添加规则(&amp;R)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add r&amp;ule…</source>
        <translation>添加规则(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 add rule</source>
        <translation>%1添加规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 edit rule</source>
        <translation>%1编辑规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 remove rule</source>
        <translation>%1删除规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 move rule up</source>
        <translation>%1上移规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 move rule down</source>
        <translation>%1下移规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Framing</source>
        <translation>分帧(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Framin&amp;g</source>
        <translation>分帧(&amp;G)</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>UDP: every datagram is one message.</source>
        <translation>UDP：每个数据报就是一条消息。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket: every message arrives whole; no framing.</source>
        <translation>WebSocket：每条消息都完整到达；无需分帧。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Each read is shown as it came: see TCP&apos;s stream cut anywhere.</source>
        <translation>每次读取都原样显示：可以看到 TCP 字节流会在任意位置被切开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each message: %1. Over %2 bytes is an error.</source>
        <translation>每条消息：%1。超过 %2 字节即为错误。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Welcome to the server!\n</source>
        <translation>欢迎访问服务器！\n</translation>
    </message>
</context>
<context>
    <name>SockPlay::ScriptPanel</name>
    <message>
        <location filename="../ui/scriptpanel.cpp" line="+29"/>
        <source>SockPlay scripts (*.json);;All files (*)</source>
        <translation>SockPlay 脚本 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is a session file without a script: open it with File → Open session….</source>
        <translation>%1 是不含脚本的会话文件：请通过“文件 → 打开会话…”打开它。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Script name</source>
        <translation>脚本名称</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a script file</source>
        <translation>打开脚本文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a script file (the format sockplay-cli run reads)</source>
        <translation>打开脚本文件（即 sockplay-cli run 读取的格式）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the script as a file</source>
        <translation>将脚本保存为文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the script, with the variables as set here, to a file</source>
        <translation>将脚本连同此处设置的变量值一起写入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+353"/>
        <source>Run (Ctrl+R)</source>
        <translation>运行 (Ctrl+R)</translation>
    </message>
    <message>
        <location line="-353"/>
        <location line="+354"/>
        <source>Run the script</source>
        <translation>运行脚本</translation>
    </message>
    <message>
        <location line="-353"/>
        <source>Play the steps against this window&apos;s session (Ctrl+R); Ctrl+. stops</source>
        <translation>在本窗口的会话中逐一执行各步骤 (Ctrl+R)；按 Ctrl+. 停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+356"/>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <location line="-356"/>
        <location line="+357"/>
        <source>Record a script</source>
        <translation>录制脚本</translation>
    </message>
    <message>
        <location line="-356"/>
        <source>Record what you do in the panes; Stop recording turns it into a script</source>
        <translation>录制你在各面板中的操作；点击“停止录制”即把它转为脚本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Script variables</source>
        <translation>脚本变量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name and value of each variable; type to change a value.</source>
        <translation>每个变量的名称和值；直接输入即可修改值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Variables following the server</source>
        <translation>跟随服务器的变量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Script steps</source>
        <translation>脚本步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each step with its status: Pending, Running, Passed, Failed or Skipped.</source>
        <translation>每个步骤及其状态：等待中、运行中、已通过、失败或已跳过。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step detail</source>
        <translation>步骤详情</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run summary</source>
        <translation>运行摘要</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording notes</source>
        <translation>录制说明</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Script error</source>
        <translation>脚本错误</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Variables</source>
        <translation>变量(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ste&amp;ps</source>
        <translation>步骤(&amp;P)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Run script</source>
        <translation>运行脚本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop script</source>
        <translation>停止脚本</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No script yet: open one, or record what you do in the panes.</source>
        <translation>尚无脚本：请打开一个脚本，或录制你在各面板中的操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Script: %1 (not saved)</source>
        <translation>脚本：%1（未保存）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Script: %1 — %2</source>
        <translation>脚本：%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n step(s), not run yet.</source>
        <translation>
            <numerusform>%n 个步骤，尚未运行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out while recording:</source>
        <translation>录制时未记录的操作：</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Open a script</source>
        <translation>打开脚本</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the script</source>
        <translation>保存脚本</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Running step %1 of %2…</source>
        <translation>正在运行第 %1 步（共 %2 步）…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 passed</source>
        <translation>%1 个通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 failed</source>
        <translation>，%1 个失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 skipped</source>
        <translation>，%1 个跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 in %3 s</source>
        <translation>%1 %2，用时 %3 秒</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Recording: start, connect, send in the panes, then Stop recording.</source>
        <translation>正在录制：在各面板中启动、连接、发送，然后点击“停止录制”。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Step %1 %2: %3</source>
        <translation>步骤 %1 %2：%3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stop (Ctrl+.)</source>
        <translation>停止 (Ctrl+.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the script</source>
        <translation>停止脚本</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
</context>
<context>
    <name>SockPlay::ScriptStepsModel</name>
    <message>
        <location filename="../ui/scriptstepsmodel.cpp" line="+95"/>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 in %2 ms</source>
        <translation>%1，用时 %2 ms</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step %1, %2: %3</source>
        <translation>步骤 %1，%2：%3</translation>
    </message>
</context>
<context>
    <name>SockPlay::ScriptVariablesTable</name>
    <message>
        <location filename="../ui/scriptvariablestable.cpp" line="+21"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Follows the window&apos;s server while it listens; type to set your own.</source>
        <translation>在本窗口的服务器监听期间跟随其设置；输入即可改为你自己的值。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 follow the window&apos;s server (%2:%3) until you edit them.</source>
        <translation>%1 跟随本窗口的服务器（%2:%3），直到你编辑它们为止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation> 和 </translation>
    </message>
</context>
<context>
    <name>SockPlay::SequenceDiagram</name>
    <message>
        <location filename="../ui/sequencediagram.cpp" line="+31"/>
        <location filename="../ui/sequenceexport.cpp" line="+45"/>
        <source>Sequence diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The conversation as a ladder: a lane per endpoint and connection, time going down</source>
        <translation>以阶梯图呈现对话：每个端点和每个连接各占一条泳道，时间自上而下推进</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out the time axis</source>
        <translation>缩小时间轴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in the time axis</source>
        <translation>放大时间轴</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+279"/>
        <source>Compress idle time</source>
        <translation>压缩空闲时间</translation>
    </message>
    <message>
        <location line="-274"/>
        <location line="+269"/>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Export the diagram as SVG</source>
        <translation>将图导出为 SVG</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+268"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Export the diagram as PNG</source>
        <translation>将图导出为 PNG</translation>
    </message>
    <message>
        <location line="+270"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../ui/sequenceexport.cpp" line="-6"/>
        <location line="+14"/>
        <location line="+23"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source>SockPlay: the conversation as a ladder, %n arrow(s)</source>
        <translation>
            <numerusform>SockPlay：以阶梯图呈现的对话，共 %n 个箭头</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write %1: the SVG generator refused it</source>
        <translation>无法写入 %1：SVG 生成器拒绝写入</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the diagram is too large for a PNG (%1 × %2 pixels); export SVG instead</source>
        <translation>图太大，无法导出为 PNG（%1 × %2 像素）；请改为导出 SVG</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not enough memory for a %1 × %2 image</source>
        <translation>内存不足，无法生成 %1 × %2 的图像</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export sequence diagram as SVG</source>
        <translation>将时序图导出为 SVG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export sequence diagram as PNG</source>
        <translation>将时序图导出为 PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>SockPlay::SequenceRenderer</name>
    <message>
        <location filename="../ui/sequencerenderer.cpp" line="+228"/>
        <source>kernel</source>
        <translation>内核</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n earlier arrows not shown</source>
        <translation>
            <numerusform>较早的 %n 个箭头未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n events not read (the log moved faster)</source>
        <translation>
            <numerusform>%n 个事件未读取（日志更新过快）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>⋯ %1 idle</source>
        <translation>⋯ 空闲 %1</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>SockPlay::SerialOptionsPanel</name>
    <message>
        <location filename="../ui/serialoptionspanel.cpp" line="+18"/>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 serial port settings</source>
        <translation>%1 串口设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>serial device</source>
        <translation>串口设备</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 serial device</source>
        <translation>%1 串口设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a device, e.g. /dev/ttyUSB0</source>
        <translation>设备，例如 /dev/ttyUSB0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The serial ports this machine lists, or a device typed by its path (a pseudo-terminal such as /dev/pts/3 is not listed)</source>
        <translation>本机列出的串口，或按路径输入的设备（伪终端如 /dev/pts/3 不会列出）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 refresh the serial ports</source>
        <translation>%1 刷新串口列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the serial ports again (a USB adapter appears once plugged in)</source>
        <translation>重新列出串口（USB 转接器插入后才会出现）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>serial speed</source>
        <translation>串口速率</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 serial speed</source>
        <translation>%1 串口速率</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bits per second: both ends must agree; another rate can be typed</source>
        <translation>每秒位数：两端必须一致；也可输入其他速率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serial data bits</source>
        <translation>串口数据位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>serial parity</source>
        <translation>串口校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Even</source>
        <translation>偶校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Odd</source>
        <translation>奇校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>空号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial stop bits</source>
        <translation>串口停止位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>serial flow control</source>
        <translation>串口流控制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hardware (RTS/CTS)</source>
        <translation>硬件（RTS/CTS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Software (XON/XOFF)</source>
        <translation>软件（XON/XOFF）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DTR</source>
        <translation>DTR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 DTR line</source>
        <translation>%1 DTR 线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data Terminal Ready: many devices take it as &quot;a program is listening&quot; (an Arduino resets as it rises). Changes at once while the port is open.</source>
        <translation>数据终端就绪：许多设备把它理解为&quot;有程序在监听&quot;（Arduino 在其升高时复位）。端口打开时立即生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTS</source>
        <translation>RTS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 RTS line</source>
        <translation>%1 RTS 线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request To Send: under hardware flow control the driver drives it. Changes at once while the port is open.</source>
        <translation>请求发送：在硬件流控制下由驱动控制。端口打开时立即生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed</source>
        <translation>速率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data bits</source>
        <translation>数据位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parity</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop bits</source>
        <translation>停止位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flow control</source>
        <translation>流控制</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Serial port: name a device first (pick one, or type a path such as /dev/ttyUSB0).</source>
        <translation>串口：请先指定设备（选择一个，或输入路径，如 /dev/ttyUSB0）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serial port: the speed “%1”: %2</source>
        <translation>串口：速率“%1”：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial port: %1</source>
        <translation>串口：%1</translation>
    </message>
</context>
<context>
    <name>SockPlay::ServerPane</name>
    <message>
        <location filename="../ui/serverpane.cpp" line="+53"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server transport</source>
        <translation>服务器传输协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, no connection.</source>
        <translation type="vanished">TCP：面向连接，传输字节流。
UDP：单个数据报，无连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, no connection.
TLS: a TCP stream, encrypted after a handshake.
WebSocket: messages over an HTTP-upgraded TCP connection.</source>
        <translation type="vanished">TCP：连接和字节流。
UDP：单个数据报，无连接。
TLS：握手后加密的 TCP 流。
WebSocket：经 HTTP 升级的 TCP 连接上的消息。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay</source>
        <translation>中继</translation>
    </message>
    <message>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, no connection.
TLS: a TCP stream, encrypted after a handshake.
WebSocket: messages over an HTTP-upgraded TCP connection.
Relay: forwards each client to a target, logging both directions.</source>
        <translation type="vanished">TCP：连接和字节流。
UDP：单个数据报，无连接。
TLS：握手后加密的 TCP 流。
WebSocket：经 HTTP 升级的 TCP 连接上的消息。
中继：把每个客户端转发到目标，并记录两个方向。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DTLS</source>
        <translation>DTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, no connection.
TLS: a TCP stream, encrypted after a handshake.
WebSocket: messages over an HTTP-upgraded TCP connection.
Relay: forwards each client to a target, logging both directions.
DTLS: UDP datagrams, encrypted after a handshake with each client.</source>
        <translation>TCP：连接和字节流。
UDP：单个数据报，无连接。
TLS：握手后加密的 TCP 流。
WebSocket：经 HTTP 升级的 TCP 连接上的消息。
中继：把每个客户端转发到目标，并记录两个方向。
DTLS：UDP 数据报，在与每个客户端握手后加密。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Server max clients</source>
        <translation>服务器最大客户端数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TCP clients served at once; one more is turned away, and the log says why.</source>
        <translation>可同时服务的 TCP 客户端数；再多一个就会被拒之门外，日志中会说明原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (this machine only)</source>
        <translation>%1（仅本机）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (this machine only, IPv6)</source>
        <translation>%1（仅本机，IPv6）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (all IPv4 interfaces)</source>
        <translation>%1（所有 IPv4 接口）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (all interfaces, IPv6 and IPv4)</source>
        <translation>%1（所有接口，IPv6 和 IPv4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local address to listen on.
127.0.0.1 and ::1 accept this machine only;
0.0.0.0 and :: accept connections from the network.</source>
        <translation>要监听的本地地址。
127.0.0.1 和 ::1 只接受来自本机的连接；
0.0.0.0 和 :: 接受来自网络的连接。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server port</source>
        <translation>服务器端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The local port; 0 lets the system pick a free one.</source>
        <translation>本地端口；0 表示由系统选择一个空闲端口。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ec&amp;ho received bytes back</source>
        <translation>回显收到的字节(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server echo</source>
        <translation>服务器回显</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send every chunk the server receives straight back to its sender.</source>
        <translation>将服务器收到的每一块数据原样发回给其发送方。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server connections</source>
        <translation>服务器连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Framing for this connection…</source>
        <translation>此连接的分帧…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Se&amp;nd to selected</source>
        <translation>发送给选中连接(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to &amp;all</source>
        <translation>发送给全部(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server send to all</source>
        <translation>服务器发送给全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transport</source>
        <translation>传输协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ma&amp;x clients</source>
        <translation>最大客户端数(&amp;X)</translation>
    </message>
    <message>
        <location line="+203"/>
        <location line="+20"/>
        <source>Cannot send: the server is not started — press Start first.</source>
        <translation>无法发送：服务器尚未启动——请先点击“启动”。</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Cannot send: no client is connected yet — connect the client first.</source>
        <translation>无法发送：尚无客户端连接——请先连接客户端。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot send: no peer has sent a datagram yet, so there is nobody to answer.</source>
        <translation>无法发送：尚无对端发来数据报，因此没有可回复的对象。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot send: select a connection in the table first (or use Send to all).</source>
        <translation>无法发送：请先在表格中选择一个连接（或使用“发送给全部”）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Framing for connection #%1</source>
        <translation>连接 #%1 的分帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How this connection&apos;s stream is cut into messages
(raw, line, line+cr, crlf, delim:HEX, fixed:N, len:BYTES[be|le][+incl][@OFFSET]):</source>
        <translation>此连接的字节流如何切分为消息
（raw, line, line+cr, crlf, delim:HEX, fixed:N, len:BYTES[be|le][+incl][@OFFSET]）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Framing for connection #%1 not changed: %2</source>
        <translation>连接 #%1 的分帧未更改：%2</translation>
    </message>
    <message>
        <location filename="../ui/serverpanestate.cpp" line="+58"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kick selected</source>
        <translation>断开选中连接(&amp;K)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Forget selected</source>
        <translation>忘记选中对端(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect selected connection</source>
        <translation>断开选中的连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget selected peer</source>
        <translation>忘记选中的对端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the selected connection from the server side</source>
        <translation>从服务器端关闭选中的连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP has nothing to close: forget the peer</source>
        <translation>UDP 没有可关闭的连接：忘记该对端即可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peers seen</source>
        <translation>已发现的对端</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>stopped — press Start to listen</source>
        <translation>已停止 — 点击“启动”开始监听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped — press Start to bind</source>
        <translation>已停止 — 点击“启动”进行绑定</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>listening on %1 — %2</source>
        <translation>正在监听 %1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 client</source>
        <translation>1 个客户端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 clients</source>
        <translation>%1 个客户端</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bound to %1 — %2 peers, the most remembered: the oldest is forgotten for each new one</source>
        <translation>已绑定到 %1 — %2 个对端，已达上限：每来一个新对端，最早的一个就会被遗忘</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bound to %1 — %2</source>
        <translation>已绑定到 %1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 peer seen</source>
        <translation>已发现 1 个对端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 peers seen</source>
        <translation>已发现 %1 个对端</translation>
    </message>
</context>
<context>
    <name>SockPlay::SimLinkPanel</name>
    <message>
        <location filename="../ui/simlinkpanel.cpp" line="+25"/>
        <source>Simulated link (not a real network)</source>
        <translation>模拟链路（并非真实网络）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 simulated link settings</source>
        <translation>%1模拟链路设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this UDP endpoint lose, duplicate and delay datagrams on purpose, with a seed so that it behaves the same each time. Nothing leaves the machine differently: SockPlay itself drops or holds the datagrams.</source>
        <translation>让此 UDP 端点有意地丢弃、重复和延迟数据报，并使用种子使其每次行为相同。离开本机的数据并无不同：是 SockPlay 自己丢弃或暂扣数据报。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>SIMULATED LINK</source>
        <translation>模拟链路</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 simulated loss percent</source>
        <translation>%1模拟丢包百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datagrams dropped, in percent; each drop is logged as &quot;dropped by the simulated link&quot;</source>
        <translation>被丢弃的数据报所占百分比；每次丢包都会在日志中记为“被模拟链路丢弃”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 simulated duplicates percent</source>
        <translation>%1模拟重复百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datagrams delivered twice, in percent (of those not dropped)</source>
        <translation>被投递两次的数据报所占百分比（占未被丢弃的数据报）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 simulated delay milliseconds</source>
        <translation>%1模拟延迟毫秒数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each datagram is held this long before it goes on</source>
        <translation>每个数据报在继续传递前被暂扣的时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 simulated jitter milliseconds</source>
        <translation>%1模拟抖动毫秒数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plus or minus up to this, at random, so that datagrams overtake each other (at most the delay)</source>
        <translation>随机增减不超过此值的时间，使数据报相互超越而乱序（不超过延迟值）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 simulated link seed</source>
        <translation>%1模拟链路种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same seed gives the same drops, duplicates and delays each time; random: a new one at each start, shown in the log</source>
        <translation>相同的种子每次产生相同的丢包、重复和延迟；随机：每次启动时生成新种子，并显示在日志中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 simulated link applies to</source>
        <translation>%1模拟链路作用于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on send</source>
        <translation>发送时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on receive</source>
        <translation>接收时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act on the datagrams this endpoint sends, or on those it receives</source>
        <translation>作用于此端点发送的数据报，或其接收的数据报</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Loss</source>
        <translation>丢包(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicates</source>
        <translation>重复(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dela&amp;y</source>
        <translation>延迟(&amp;Y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jitter</source>
        <translation>抖动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Acts</source>
        <extracomment>Before the combo box &quot;on send&quot; / &quot;on receive&quot;: &quot;Acts on send&quot;.</extracomment>
        <translation>作用于</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>no simulated link</source>
        <translation>无模拟链路</translation>
    </message>
</context>
<context>
    <name>SockPlay::TcpClientEndpoint</name>
    <message>
        <location filename="../core/tcpclientendpoint.cpp" line="+54"/>
        <source>no host given — type a name or an address such as 127.0.0.1</source>
        <translation>未指定主机 — 请输入主机名或地址，例如 127.0.0.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port 0 cannot be connected to — use the server&apos;s port (1–65535)</source>
        <translation>无法连接到端口 0 — 请使用服务器的端口（1–65535）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>start the client first: it needs a host and a port</source>
        <translation>请先启动客户端：它需要主机和端口</translation>
    </message>
</context>
<context>
    <name>SockPlay::TcpServerEndpoint</name>
    <message>
        <location filename="../core/tcpserverendpoint.cpp" line="+101"/>
        <source>“%1” is not an address to listen on — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>“%1”不是可监听的地址 — 请使用 127.0.0.1、::1、0.0.0.0 或 ::</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听: %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::TlsClientEndpoint</name>
    <message>
        <location filename="../core/tlsclientendpoint.cpp" line="+27"/>
        <source>cannot start the TLS client: %1</source>
        <translation>无法启动 TLS 客户端: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::TlsOptionsPanel</name>
    <message>
        <location filename="../ui/tlsoptionspanel.cpp" line="+16"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 TLS settings</source>
        <translation>%1 TLS 设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 TLS certificate</source>
        <translation>%1 TLS 证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Self-signed, made at Start</source>
        <translation>自签名，启动时生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the server proves itself with. Self-signed: a certificate for the listening address, made at Start (EC P-256, 30 days); clients must trust it or not verify.</source>
        <translation>服务器用来证明身份的凭据。自签名：启动时为监听地址生成的证书（EC P-256，30 天）；客户端必须信任它或不验证。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No client certificate</source>
        <translation>无客户端证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A certificate to present, for servers that ask clients for one.</source>
        <translation>向要求客户端证书的服务器出示的证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM certificate and key files</source>
        <translation>PEM 证书和密钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKCS#12 file (.p12, .pfx)</source>
        <translation>PKCS#12 文件（.p12、.pfx）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 TLS certificate file</source>
        <translation>%1 TLS 证书文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 TLS private key file</source>
        <translation>%1 TLS 私钥文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCS#12 file</source>
        <translation>PKCS#12 文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 TLS PKCS#12 file</source>
        <translation>%1 TLS PKCS#12 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 文件 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 TLS passphrase</source>
        <translation>%1 TLS 口令</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase of the PKCS#12 file or of an encrypted key</source>
        <translation>PKCS#12 文件或加密密钥的口令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ask clients for a certificate, refuse those without a valid one</source>
        <translation>要求客户端出示证书，拒绝没有有效证书的客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify the server&apos;s certificate</source>
        <translation>验证服务器证书(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 TLS verify clients</source>
        <translation>%1 TLS 验证客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 TLS verify server</source>
        <translation>%1 TLS 验证服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mutual TLS: each client must present a certificate the CA below (or the system&apos;s CAs) vouches for.</source>
        <translation>双向 TLS：每个客户端都必须出示由下方 CA（或系统 CA）担保的证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the server&apos;s chain and name. Off: each problem is still logged, as a note, and the connection goes on (a self-signed server fails verification unless its certificate is the CA).</source>
        <translation>检查服务器的证书链和名称。关闭时：每个问题仍作为备注记录，连接继续（自签名服务器无法通过验证，除非其证书被设为 CA）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trusted CA</source>
        <translation>受信任的 CA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 TLS trusted CA file</source>
        <translation>%1 TLS 受信任 CA 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system&apos;s CAs</source>
        <translation>系统的 CA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates that vouch for client certificates</source>
        <translation>为客户端证书担保的 PEM 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates to trust instead of the system&apos;s: the server&apos;s CA, or its self-signed certificate</source>
        <translation>代替系统 CA 而信任的 PEM 证书：服务器的 CA，或其自签名证书</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 TLS server name (SNI)</source>
        <translation>%1 TLS 服务器名称（SNI）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name sent in the handshake (SNI) and looked for in the certificate</source>
        <translation>握手中发送（SNI）并在证书中查找的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server name (SNI)</source>
        <translation>服务器名称（SNI）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 TLS ALPN protocols</source>
        <translation>%1 TLS ALPN 协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Application protocols accepted (ALPN), in order of preference</source>
        <translation>接受的应用层协议（ALPN），按优先顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application protocols offered (ALPN), in order of preference; the log says which one the server chose</source>
        <translation>提供的应用层协议（ALPN），按优先顺序；日志会显示服务器选择了哪一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose %1</source>
        <translation>选择%1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>TLS: choose the certificate file (PEM), or another kind of certificate.</source>
        <translation>TLS：请选择证书文件（PEM），或选择另一种证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: choose the certificate&apos;s key file (PEM).</source>
        <translation>TLS：请选择证书的密钥文件（PEM）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: choose the PKCS#12 file, or another kind of certificate.</source>
        <translation>TLS：请选择 PKCS#12 文件，或选择另一种证书。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: the ALPN list is not valid: %1</source>
        <translation>TLS：ALPN 列表无效：%1</translation>
    </message>
</context>
<context>
    <name>SockPlay::TlsServerEndpoint</name>
    <message>
        <location filename="../core/tlsserverendpoint.cpp" line="+27"/>
        <source>cannot start the TLS server: %1</source>
        <translation>无法启动 TLS 服务器: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::UdpEndpoint</name>
    <message>
        <location filename="../core/udpendpoint.cpp" line="+133"/>
        <source>“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>“%1”不是可绑定的地址 — 请使用 127.0.0.1、::1、0.0.0.0 或 ::</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../core/udpendpointsend.cpp" line="+67"/>
        <source>port 0 cannot be sent to — use the receiver&apos;s port (1–65535)</source>
        <translation>无法向端口 0 发送 — 请使用接收方的端口（1–65535）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>simulated link: %1</source>
        <translation>模拟链路: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot bind %1: %2</source>
        <translation>无法绑定 %1: %2</translation>
    </message>
    <message>
        <location filename="../core/udpendpointsend.cpp" line="-21"/>
        <location line="+19"/>
        <location line="+29"/>
        <source>the UDP socket is not open</source>
        <translation>UDP 套接字未打开</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>cannot send to %1: %2</source>
        <translation>无法发送到 %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no host given — type a name or an address such as 127.0.0.1</source>
        <translation>未指定主机 — 请输入主机名或地址，例如 127.0.0.1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>nobody has sent a datagram yet</source>
        <translation>尚无任何对端发来数据报</translation>
    </message>
</context>
<context>
    <name>SockPlay::UdpRelayEndpoint</name>
    <message>
        <location filename="../core/udprelayendpoint.cpp" line="+54"/>
        <source>cannot start the relay: %1</source>
        <translation>无法启动中继：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>simulated link: %1</source>
        <translation>模拟链路: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>“%1”不是可绑定的地址 — 请使用 127.0.0.1、::1、0.0.0.0 或 ::</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot bind %1: %2</source>
        <translation>无法绑定 %1: %2</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>no client has sent a datagram yet</source>
        <translation>尚无客户端发送数据报</translation>
    </message>
</context>
<context>
    <name>SockPlay::WebSocketClientEndpoint</name>
    <message>
        <location filename="../core/websocketclientendpoint.cpp" line="+36"/>
        <source>no host given — type a name or an address such as 127.0.0.1</source>
        <translation>未指定主机 — 请输入主机名或地址，例如 127.0.0.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port 0 cannot be connected to — use the server&apos;s port (1–65535)</source>
        <translation>无法连接到端口 0 — 请使用服务器的端口（1–65535）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the path “%1” must start with /</source>
        <translation>路径“%1”必须以 / 开头</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot start the wss:// client: %1</source>
        <translation>无法启动 wss:// 客户端：%1</translation>
    </message>
</context>
<context>
    <name>SockPlay::WebSocketOptionsPanel</name>
    <message>
        <location filename="../ui/websocketoptionspanel.cpp" line="+42"/>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 WebSocket settings</source>
        <translation>%1 WebSocket 设置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 WebSocket path</source>
        <translation>%1 WebSocket 路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The path the server answers; an upgrade request for another gets 404</source>
        <translation>服务器应答的路径；请求其他路径的升级会得到 404</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The path (and query) of the URL the client opens</source>
        <translation>客户端打开的 URL 的路径（及查询）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 WebSocket URL</source>
        <translation>%1 WebSocket URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>wss:// (WebSocket over TLS)</source>
        <translation>wss://（基于 TLS 的 WebSocket）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 WebSocket over TLS</source>
        <translation>%1 基于 TLS 的 WebSocket</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each client&apos;s TLS handshake comes before its upgrade; the certificate is chosen in the TLS settings</source>
        <translation>每个客户端先进行 TLS 握手再升级；证书在 TLS 设置中选择</translation>
    </message>
    <message>
        <source>Go on despite certificate errors</source>
        <translation type="vanished">忽略证书错误继续</translation>
    </message>
    <message>
        <source>%1 WebSocket ignore certificate errors</source>
        <translation type="vanished">%1 WebSocket 忽略证书错误</translation>
    </message>
    <message>
        <source>wss://: each certificate problem is still logged, as a note</source>
        <translation type="vanished">wss://：每个证书问题仍作为备注记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS handshake comes before the upgrade; whom to trust, verification, SNI, ALPN and a client certificate are chosen in the TLS settings</source>
        <translation>TLS 握手先于升级进行；信任谁、验证、SNI、ALPN 和客户端证书在 TLS 设置中选择</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 WebSocket subprotocols</source>
        <translation>%1 WebSocket 子协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none (e.g. chat, superchat)</source>
        <translation>无（例如 chat, superchat）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subprotocols the server accepts; the first one the client offers is chosen</source>
        <translation>服务器接受的子协议；选择客户端提供的第一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subprotocols offered, in order of preference; the log says which one the server chose</source>
        <translation>提供的子协议，按优先顺序；日志会显示服务器选择了哪一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subprotocols</source>
        <translation>子协议</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 WebSocket request headers</source>
        <translation>%1 WebSocket 请求头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name: value, one per line</source>
        <translation>名称: 值，每行一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra headers of the HTTP upgrade request (Authorization, Cookie, …)</source>
        <translation>HTTP 升级请求的附加请求头（Authorization、Cookie 等）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send &amp;binary messages (not text)</source>
        <translation>发送二进制消息（非文本）(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 WebSocket binary messages</source>
        <translation>%1 WebSocket 二进制消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this side&apos;s sends are: binary messages, or text messages (UTF-8; bytes that are not UTF-8 go as binary, and the log says so). Replies keep the kind of the message they answer.</source>
        <translation>这一端发送的内容：二进制消息或文本消息（UTF-8；不是 UTF-8 的字节按二进制发送，日志会注明）。回复保持所回复消息的类型。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>WebSocket: the path “%1” must start with /.</source>
        <translation>WebSocket：路径“%1”必须以 / 开头。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WebSocket: the header “%1” is not valid: %2</source>
        <translation>WebSocket：请求头“%1”无效：%2</translation>
    </message>
</context>
<context>
    <name>SockPlay::WebSocketServerEndpoint</name>
    <message>
        <location filename="../core/websocketserverendpoint.cpp" line="+71"/>
        <source>“%1” is not an address to listen on — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>“%1”不是可监听的地址 — 请使用 127.0.0.1、::1、0.0.0.0 或 ::</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the path “%1” must start with /</source>
        <translation>路径“%1”必须以 / 开头</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot start the wss:// server: %1</source>
        <translation>无法启动 wss:// 服务器：%1</translation>
    </message>
    <message>
        <source>wss:// servers need TLS, which is not available yet: use ws://</source>
        <translation type="vanished">wss:// 服务器需要 TLS，目前尚不可用：请使用 ws://</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听: %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::Workspace</name>
    <message>
        <location filename="../ui/workspace.cpp" line="+30"/>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server tabs</source>
        <translation>服务器标签页</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client tabs</source>
        <translation>客户端标签页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No server — Endpoints → New server (Ctrl+Shift+N)</source>
        <translation>没有服务器——端点 → 新建服务器 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No client — Endpoints → New client (Ctrl+Shift+K)</source>
        <translation>没有客户端——端点 → 新建客户端 (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location line="+95"/>
        <location line="+15"/>
        <source>%1 — F2 or a double click renames it, Ctrl+W closes it</source>
        <translation>%1 — 按 F2 或双击可重命名，按 Ctrl+W 关闭</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Close %1</source>
        <translation>关闭 %1</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>A name cannot be empty: type one, such as “Alice”.</source>
        <translation>名称不能为空：请输入一个名称，例如“Alice”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is taken: every endpoint needs a name of its own.</source>
        <translation>“%1”已被使用：每个端点都需要一个独有的名称。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+28"/>
        <source>SockPlay: a socket playground.</source>
        <translation>SockPlay：套接字试验场。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A session file to open (saved by File &gt; Save session).</source>
        <translation>要打开的会话文件（由“文件 &gt; 保存会话”保存）。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DemoCommandLine</name>
    <message>
        <location filename="../ui/democommandline.cpp" line="+31"/>
        <source>Open the window with a built-in demo loaded and its panel shown; Next (Ctrl+Right) runs each step. NAME is one of: %1. &quot;list&quot; prints them.</source>
        <translation>Öffnet das Fenster mit einer geladenen eingebauten Demo und zeigt ihr Panel; Weiter (Strg+Rechts) führt jeden Schritt aus. NAME ist einer von: %1. &quot;list&quot; gibt sie aus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --demo: run every step at once instead of waiting for Next.</source>
        <translation>Mit --demo: alle Schritte sofort ausführen, statt auf Weiter zu warten.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>sockplay: --run-all needs --demo NAME
</source>
        <translation>sockplay: --run-all braucht --demo NAME
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sockplay: no demo called “%1”. The demos are:
%2</source>
        <translation>sockplay: keine Demo namens „%1“. Die Demos sind:
%2</translation>
    </message>
</context>
<context>
    <name>LogFilter</name>
    <message>
        <location filename="../core/logfilter.cpp" line="+65"/>
        <source>invalid regex at character %1: %2</source>
        <translation>ungültiger regulärer Ausdruck bei Zeichen %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>invalid hex: no bytes to look for</source>
        <translation>ungültiges Hex: keine Bytes zum Suchen</translation>
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
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/logexportbar.cpp" line="+34"/>
        <source>Capture for Wireshark (*.pcapng)</source>
        <translation>Mitschnitt für Wireshark (*.pcapng)</translation>
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
        <translation>Über SockPlay</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>SockPlay icon</source>
        <translation>SockPlay-Symbol</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SockPlay %1</source>
        <translation>SockPlay %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Program and version</source>
        <translation>Programm und Version</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p&gt;A socket playground: TCP and UDP servers and clients in one window, with a live log.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Spielplatz für Sockets: TCP- und UDP-Server und -Clients in einem Fenster, mit einem Live-Log.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Qt %1 (built with Qt %2), on %3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Qt %1 (erstellt mit Qt %2), auf %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY. See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;https://www.gnu.org/licenses/gpl-3.0.html&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieses Programm ist freie Software: Sie können es unter den Bedingungen der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version, weitergeben und/oder verändern. Es wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt. Siehe &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;https://www.gnu.org/licenses/gpl-3.0.html&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About dialog buttons</source>
        <translation>Schaltflächen des Über-Dialogs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Qt</source>
        <translation>Über Qt</translation>
    </message>
</context>
<context>
    <name>SockPlay::Address</name>
    <message>
        <location filename="../core/address.cpp" line="+96"/>
        <source>bound to every interface: other machines on the network can send to it</source>
        <translation>an alle Schnittstellen gebunden: andere Rechner im Netzwerk können Daten senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bound to %1, an address of the network: other machines can send to it</source>
        <translation>an %1 gebunden, eine Netzwerkadresse: andere Rechner können Daten senden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>listening on every interface: other machines on the network can connect</source>
        <translation>lauscht an allen Schnittstellen: andere Rechner im Netzwerk können sich verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listening on %1, an address of the network: other machines can connect</source>
        <translation>lauscht an %1, einer Netzwerkadresse: andere Rechner können sich verbinden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nothing is listening there (is the server started, and is the port right?)</source>
        <translation>dort lauscht niemand (ist der Server gestartet und der Port richtig?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name does not resolve (check the spelling, or use an address like 127.0.0.1)</source>
        <translation>der Name lässt sich nicht auflösen (Schreibweise prüfen oder eine Adresse wie 127.0.0.1 verwenden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another program holds port %1; pick another port, or 0 for any free port</source>
        <translation>ein anderes Programm belegt Port %1; einen anderen Port wählen oder 0 für einen beliebigen freien Port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port %1 needs privileges; pick a port above 1023</source>
        <translation>Port %1 erfordert Berechtigungen; einen Port über 1023 wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system refused access to this socket</source>
        <translation>das System hat den Zugriff auf diesen Socket verweigert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this machine has no such address; use 127.0.0.1, ::1 or one of its own addresses</source>
        <translation>dieser Rechner hat diese Adresse nicht; 127.0.0.1, ::1 oder eine seiner eigenen Adressen verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer did not answer in time</source>
        <translation>die Gegenstelle hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network is unreachable from here</source>
        <translation>das Netzwerk ist von hier aus nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>SockPlay::ClientPane</name>
    <message>
        <location filename="../ui/clientpane.cpp" line="+53"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client transport</source>
        <translation>Client-Transport</translation>
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
        <translation>Serielle Schnittstelle</translation>
    </message>
    <message>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, to one address, a multicast group or a broadcast address.
TLS: a TCP stream, encrypted after a handshake.
WebSocket: messages over an HTTP-upgraded TCP connection.
Serial port: a byte stream over a device such as /dev/ttyUSB0.</source>
        <translation type="vanished">TCP: Verbindungen und ein Bytestrom.
UDP: einzelne Datagramme, an eine Adresse, eine Multicast-Gruppe oder eine Broadcast-Adresse.
TLS: ein TCP-Strom, nach einem Handshake verschlüsselt.
WebSocket: Nachrichten über eine per HTTP-Upgrade übernommene TCP-Verbindung.
Serielle Schnittstelle: ein Bytestrom über ein Gerät wie /dev/ttyUSB0.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, to one address, a multicast group or a broadcast address.
TLS: a TCP stream, encrypted after a handshake.
WebSocket: messages over an HTTP-upgraded TCP connection.
DTLS: UDP datagrams, encrypted after a handshake.
Serial port: a byte stream over a device such as /dev/ttyUSB0.</source>
        <translation>TCP: Verbindungen und ein Bytestrom.
UDP: einzelne Datagramme, an eine Adresse, eine Multicast-Gruppe oder eine Broadcast-Adresse.
TLS: ein TCP-Strom, nach einem Handshake verschlüsselt.
WebSocket: Nachrichten über eine per HTTP-Upgrade übernommene TCP-Verbindung.
DTLS: UDP-Datagramme, nach einem Handshake verschlüsselt.
Serielle Schnittstelle: ein Bytestrom über ein Gerät wie /dev/ttyUSB0.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Client host</source>
        <translation>Client-Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s host name or address</source>
        <translation>Hostname oder Adresse des Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host name or address</source>
        <translation>Hostname oder Adresse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client port</source>
        <translation>Client-Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s port</source>
        <translation>Der Port des Servers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follo&amp;w the server&apos;s address</source>
        <translation>&amp;Adresse des Servers folgen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client follows the server&apos;s address</source>
        <translation>Client folgt der Adresse des Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep host, port and transport in step with the server pane.
Editing the host or port by hand turns this off.</source>
        <translation>Host, Port und Transport mit dem Server-Bereich abgleichen.
Wer Host oder Port von Hand ändert, schaltet das ab.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Client connections</source>
        <translation>Client-Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another co&amp;nnection</source>
        <translation>&amp;Weitere Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open another connection</source>
        <translation>Weitere Verbindung öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One more connection from this client to the same server, with its own row and counters</source>
        <translation>Eine weitere Verbindung von diesem Client zum selben Server, mit eigener Zeile und eigenen Zählern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;end</source>
        <translation>S&amp;enden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to a&amp;ll</source>
        <translation>An a&amp;lle senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client send to all connections</source>
        <translation>Client sendet an alle Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send on every connection of this client</source>
        <translation>Auf jeder Verbindung dieses Clients senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Enter the server&apos;s host name or address first.</source>
        <translation>Zuerst Hostname oder Adresse des Servers eingeben.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot open another connection: connect first.</source>
        <translation>Keine weitere Verbindung möglich: zuerst verbinden.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Cannot send: the serial port is not open — press Open first.</source>
        <translation>Senden nicht möglich: Die serielle Schnittstelle ist nicht geöffnet — zuerst Öffnen drücken.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Cannot send: not connected — press Connect first.</source>
        <translation>Senden nicht möglich: nicht verbunden – zuerst Verbinden drücken.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Cannot send: the UDP socket is not open — press Open first.</source>
        <translation>Senden nicht möglich: der UDP-Socket ist nicht geöffnet – zuerst Öffnen drücken.</translation>
    </message>
    <message>
        <location filename="../ui/clientpanestate.cpp" line="+28"/>
        <source>Sent %1 bytes (%2) · received %3 bytes (%4)</source>
        <translation>Gesendet %1 Bytes (%2) · empfangen %3 Bytes (%4)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect client</source>
        <translation>Client trennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connect client</source>
        <translation>Client verbinden</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+6"/>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+6"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Close serial port</source>
        <translation>Serielle Schnittstelle schließen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open serial port</source>
        <translation>Serielle Schnittstelle öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close client socket</source>
        <translation>Client-Socket schließen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open client socket</source>
        <translation>Client-Socket öffnen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>not connected — press Connect</source>
        <translation>nicht verbunden – Verbinden drücken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed — press Open to create a socket</source>
        <translation>geschlossen – Öffnen drücken, um einen Socket zu erstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>looking up %1…</source>
        <translation>löse %1 auf …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connecting to %1…</source>
        <translation>verbinde mit %1 …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>connected %1 → %2</source>
        <translation>verbunden %1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open on %1, sends to %2</source>
        <translation>offen auf %1, sendet an %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+24"/>
        <source>closing…</source>
        <translation>schließe …</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>closed — pick a device and press Open</source>
        <translation>geschlossen — ein Gerät wählen und Öffnen drücken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>opening %1…</source>
        <translation>öffne %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open: %1 at %2</source>
        <translation>offen: %1 mit %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::CodeView</name>
    <message>
        <location filename="../ui/codeview.cpp" line="+11"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code language</source>
        <translation>Programmiersprache</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;opy</source>
        <translation>K&amp;opieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the program</source>
        <translation>Programm kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the program to the clipboard</source>
        <translation>Das Programm in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve…</source>
        <translation>Spei&amp;chern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+147"/>
        <source>Save the program</source>
        <translation>Programm speichern</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Save the program to a file (C++: with its CMakeLists.txt)</source>
        <translation>Das Programm in eine Datei speichern (C++: mit seiner CMakeLists.txt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Program text</source>
        <translation>Programmtext</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The message&apos;s macros ({{counter}}, {{time}}, …) are not shown here.</source>
        <translation>Die Makros der Nachricht ({{counter}}, {{time}}, …) werden hier nicht gezeigt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No endpoint: add a server or a client (Endpoints menu).</source>
        <translation>Kein Endpunkt: einen Server oder Client hinzufügen (Menü Endpunkte).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 for “%2”: %3</source>
        <translation>%1 für „%2“: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Template problem: %1</source>
        <translation>Problem mit der Vorlage: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save with CMakeLists.txt</source>
        <translation>Mit CMakeLists.txt speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1 and CMakeLists.txt beside it.</source>
        <translation>%1 und daneben CMakeLists.txt gespeichert.</translation>
    </message>
</context>
<context>
    <name>SockPlay::ConnectionsModel</name>
    <message>
        <location filename="../ui/connectionsmodel.cpp" line="+120"/>
        <source>Peer %1: %2 → %3
In: %4, %5 messages/s
Out: %6, %7 messages/s</source>
        <translation>Gegenstelle %1: %2 → %3
Ein: %4, %5 Nachrichten/s
Aus: %6, %7 Nachrichten/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection %1: %2 → %3
In: %4, %5 messages/s
Out: %6, %7 messages/s</source>
        <translation>Verbindung %1: %2 → %3
Ein: %4, %5 Nachrichten/s
Aus: %6, %7 Nachrichten/s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Its last datagram was sent %1.</source>
        <translation>Sein letztes Datagramm wurde %1 gesendet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In/s</source>
        <translation>Ein/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out/s</source>
        <translation>Aus/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Msgs/s in/out</source>
        <translation>Nachr./s ein/aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected since</source>
        <translation>Verbunden seit</translation>
    </message>
</context>
<context>
    <name>SockPlay::DemoCountersTable</name>
    <message>
        <location filename="../ui/democounterstable.cpp" line="+14"/>
        <source>Demo counters</source>
        <translation>Demo-Zähler</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2: not counted</source>
        <translation>%1, %2: nicht gezählt</translation>
    </message>
</context>
<context>
    <name>SockPlay::DemoPanel</name>
    <message>
        <location filename="../ui/demopanel.cpp" line="+38"/>
        <location line="+4"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Demo steps</source>
        <translation>Demo-Schritte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Demo error</source>
        <translation>Demo-Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the next step (Ctrl+Right)</source>
        <translation>Den nächsten Schritt ausführen (Strg+Rechts)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run all</source>
        <translation>Alle ausführen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run all steps</source>
        <translation>Alle Schritte ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every remaining step, one after the other</source>
        <translation>Alle übrigen Schritte nacheinander ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop the demo</source>
        <translation>Demo stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop every endpoint the demo started; they stay in sight</source>
        <translation>Alle Endpunkte stoppen, die die Demo gestartet hat; sie bleiben sichtbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reset the demo</source>
        <translation>Demo zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the demo&apos;s endpoints and go back to before step 1</source>
        <translation>Die Endpunkte der Demo entfernen und zum Stand vor Schritt 1 zurückkehren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next demo step</source>
        <translation>Nächster Demo-Schritt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Counters</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No demo loaded</source>
        <translation>Keine Demo geladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo: %1</source>
        <translation>Demo: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a demo in the Demos menu.</source>
        <translation>Eine Demo im Menü Demos wählen.</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>running now</source>
        <translation>läuft gerade</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next</source>
        <translation>als Nächstes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to come</source>
        <translation>folgt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step %1 of %2, %3: %4</source>
        <translation>Schritt %1 von %2, %3: %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a demo in the Demos menu: it sets up its own servers and clients beside yours and explains each step here.</source>
        <translation>Eine Demo im Menü Demos wählen: Sie richtet neben Ihren eigenen Servern und Clients ihre eigenen ein und erklärt hier jeden Schritt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Next (%1) to run step 1, “%2”, or Run all to run every step.</source>
        <translation>Weiter (%1) drücken, um Schritt 1 „%2“ auszuführen, oder Alle ausführen für alle Schritte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Narration: %1</source>
        <translation>Erläuterung: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Narration of step %1: %2</source>
        <translation>Erläuterung zu Schritt %1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No demo loaded.</source>
        <translation>Keine Demo geladen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready. Steps: %1.</source>
        <translation>Bereit. Schritte: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %1 of %2 is running…</source>
        <translation>Schritt %1 von %2 läuft …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step %1 of %2 done. Next (%3) runs step %4.</source>
        <translation>Schritt %1 von %2 erledigt. Weiter (%3) führt Schritt %4 aus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finished: every step done (%1 of %1). Reset removes the demo&apos;s endpoints.</source>
        <translation>Fertig: alle Schritte erledigt (%1 von %1). Zurücksetzen entfernt die Endpunkte der Demo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped at step %1 of %2: the demo&apos;s endpoints are stopped and stay in sight. Reset removes them.</source>
        <translation>Bei Schritt %1 von %2 gestoppt: Die Endpunkte der Demo sind gestoppt und bleiben sichtbar. Zurücksetzen entfernt sie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step %1 of %2 failed.</source>
        <translation>Schritt %1 von %2 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The step did not reach its effect.</source>
        <translation>Der Schritt hat seine Wirkung nicht erreicht.</translation>
    </message>
</context>
<context>
    <name>SockPlay::DemoRunner</name>
    <message>
        <location filename="../core/demo.cpp" line="+84"/>
        <source>Step %1 (“%2”) did not finish within %3 s: no sign yet of %4.</source>
        <translation>Schritt %1 („%2“) wurde nicht innerhalb von %3 s fertig: noch keine Spur von %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its effect in the log</source>
        <translation>seiner Wirkung im Log</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>There is no demo “%1”. The demos are: %2.</source>
        <translation>Es gibt keine Demo „%1“. Die Demos sind: %2.</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Step %1 (“%2”) failed: %3</source>
        <translation>Schritt %1 („%2“) ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location filename="../core/demos.cpp" line="+46"/>
        <source>The system picked port %1.</source>
        <translation>Das System hat Port %1 gewählt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” listening</source>
        <translation>„%1“ lauscht</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“%1” connected</source>
        <translation>„%1“ verbunden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Welcome server</source>
        <translation>Begrüßungsserver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Python tutorial&apos;s server: it greets each client with “Welcome to the server!” and closes.</source>
        <translation>Der Server aus dem Python-Tutorial: Er begrüßt jeden Client mit „Welcome to the server!“ und schließt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the server</source>
        <translation>Den Server starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>socket(), bind() to 127.0.0.1 on port 0, listen(): the server waits for clients. A rule greets each one with “Welcome to the server!” and closes.</source>
        <translation>socket(), bind() an 127.0.0.1 auf Port 0, listen(): Der Server wartet auf Clients. Eine Regel begrüßt jeden mit „Welcome to the server!“ und schließt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connect a client</source>
        <translation>Einen Client verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client&apos;s connect() sends SYN; the kernels do the handshake, and the server&apos;s accept() returns a new socket for this client.</source>
        <translation>Das connect() des Clients sendet SYN; die Kernel erledigen den Handshake, und accept() des Servers liefert einen neuen Socket für diesen Client.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the greeting</source>
        <translation>Die Begrüßung lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server sends “Welcome to the server!” at once; the client&apos;s recv() returns those bytes.</source>
        <translation>Der Server sendet sofort „Welcome to the server!“; recv() des Clients liefert diese Bytes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the greeting at the client</source>
        <translation>der Begrüßung beim Client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server hangs up</source>
        <translation>Der Server legt auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then the server closes its socket: FIN. The client&apos;s next recv() returns 0 bytes, which is how a program learns the other side closed.</source>
        <translation>Dann schließt der Server seinen Socket: FIN. Das nächste recv() des Clients liefert 0 Bytes – so erfährt ein Programm, dass die andere Seite geschlossen hat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server&apos;s close at the client</source>
        <translation>dem Schließen des Servers beim Client</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Echo</source>
        <translation>Echo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Go tutorial&apos;s echo server: a client sends a line and reads it back.</source>
        <translation>Der Echo-Server aus dem Go-Tutorial: Ein Client sendet eine Zeile und liest sie zurück.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the echo server</source>
        <translation>Den Echo-Server starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TCP server listens on 127.0.0.1, on a free port the system picks; it sends every byte it reads straight back.</source>
        <translation>Ein TCP-Server lauscht auf 127.0.0.1, auf einem freien Port, den das System wählt; jedes gelesene Byte sendet er sofort zurück.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connect the client</source>
        <translation>Den Client verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client connects: a three-way handshake, then each side has a socket for the conversation.</source>
        <translation>Der Client verbindet sich: ein Drei-Wege-Handshake, danach hat jede Seite einen Socket für das Gespräch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send a line</source>
        <translation>Eine Zeile senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client writes “hello” and a newline; the server reads it and writes the same bytes back, and the client reads its echo.</source>
        <translation>Der Client schreibt „hello“ und einen Zeilenumbruch; der Server liest es und schreibt dieselben Bytes zurück, und der Client liest sein Echo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the echo at the client</source>
        <translation>dem Echo beim Client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client closes: its FIN reaches the server, whose recv() returns 0, and the server closes its side too.</source>
        <translation>Der Client schließt: Sein FIN erreicht den Server, dessen recv() 0 liefert, und der Server schließt seine Seite ebenfalls.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the close at both ends</source>
        <translation>dem Schließen an beiden Enden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three clients connected through a server that relays each message to the others.</source>
        <translation>Drei Clients, verbunden über einen Server, der jede Nachricht an die anderen weiterreicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the chat server</source>
        <translation>Den Chat-Server starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server listens; it cuts each client&apos;s stream into lines and passes each line on to every other client (a relay).</source>
        <translation>Der Server lauscht; er zerlegt den Datenstrom jedes Clients in Zeilen und reicht jede Zeile an alle anderen Clients weiter (ein Relay).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Alice, Bob and Carol join</source>
        <translation>Alice, Bob und Carol kommen dazu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three clients connect. The server&apos;s accept() returns one socket per client: three conversations on the one listening port.</source>
        <translation>Drei Clients verbinden sich. accept() des Servers liefert einen Socket pro Client: drei Gespräche auf dem einen lauschenden Port.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the three clients connected</source>
        <translation>den drei verbundenen Clients</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 says something</source>
        <translation>%1 sagt etwas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 writes one line to the server. The server reads it and writes it to %2 and %3 — not back to %1.</source>
        <translation>%1 schreibt eine Zeile an den Server. Der Server liest sie und schreibt sie an %2 und %3 – nicht zurück an %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the line at %1 and %2</source>
        <translation>der Zeile bei %1 und %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Port in use and connection refused</source>
        <translation>Port belegt und Verbindung abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two errors every student meets, each at its step of the socket API.</source>
        <translation>Die beiden Fehler, denen jeder begegnet, der Sockets lernt – jeder an seinem Schritt der Socket-API.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a server</source>
        <translation>Einen Server starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A server binds a free port on 127.0.0.1 and listens.</source>
        <translation>Ein Server bindet einen freien Port auf 127.0.0.1 und lauscht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A second server on the same port</source>
        <translation>Ein zweiter Server auf demselben Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A second server tries to bind() the same address and port. Only one socket may listen there: bind() fails with “address already in use”.</source>
        <translation>Ein zweiter Server versucht, dieselbe Adresse und denselben Port mit bind() zu binden. Nur ein Socket darf dort lauschen: bind() scheitert mit „address already in use“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the second server could listen on the same port</source>
        <translation>der zweite Server konnte auf demselben Port lauschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+30"/>
        <source>Here: %1.</source>
        <translation>Hier: %1.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>bind() failing for the second server</source>
        <translation>dem Scheitern von bind() beim zweiten Server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the first server</source>
        <translation>Den ersten Server stoppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first server stops: it closes its listening socket, and nothing listens on that port any more.</source>
        <translation>Der erste Server stoppt: Er schließt seinen lauschenden Socket, und auf diesem Port lauscht niemand mehr.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server stopped</source>
        <translation>dem gestoppten Server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect where nothing listens</source>
        <translation>Verbinden, wo niemand lauscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A client connects to that port. Its SYN gets an RST back from the kernel: connect() fails with “connection refused”.</source>
        <translation>Ein Client verbindet sich mit diesem Port. Auf sein SYN antwortet der Kernel mit RST: connect() scheitert mit „connection refused“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>something accepted the connection on the freed port</source>
        <translation>etwas hat die Verbindung auf dem freigegebenen Port angenommen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>connect() failing for the client</source>
        <translation>dem Scheitern von connect() beim Client</translation>
    </message>
    <message>
        <location filename="../core/demostream.cpp" line="+51"/>
        <source>1 read</source>
        <translation>1 Lesevorgang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 reads</source>
        <translation>%1 Lesevorgänge</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Here the 5 writes arrived as %1.</source>
        <translation>Hier kamen die 5 Schreibvorgänge als %1 an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the five writes&apos; bytes at the receiver</source>
        <translation>den Bytes der fünf Schreibvorgänge beim Empfänger</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TCP is a stream</source>
        <translation>TCP ist ein Datenstrom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes and reads are not the same pieces: small writes merge, a big one is cut; a framing turns the stream back into messages.</source>
        <translation>Schreib- und Lesevorgänge sind nicht dieselben Stücke: Kleine Schreibvorgänge verschmelzen, ein großer wird zerteilt; ein Framing macht aus dem Datenstrom wieder Nachrichten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nagle on</source>
        <translation>Nagle an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nagle off (TCP_NODELAY)</source>
        <translation>Nagle aus (TCP_NODELAY)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Reads for 5 small writes</source>
        <translation>Lesevorgänge für 5 kleine Schreibvorgänge</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reads for one 200 KB write</source>
        <translation>Lesevorgänge für einen Schreibvorgang von 200 KB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages after line framing</source>
        <translation>Nachrichten nach Zeilen-Framing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Framing</source>
        <translation>Framing</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the receiver</source>
        <translation>Den Empfänger starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TCP server that logs each read exactly as recv() returned it: no framing.</source>
        <translation>Ein TCP-Server, der jeden Lesevorgang genau so protokolliert, wie recv() ihn geliefert hat: kein Framing.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect the sender</source>
        <translation>Den Sender verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender connects, with Nagle&apos;s algorithm on (the default): small writes may wait to go out together.</source>
        <translation>Der Sender verbindet sich mit eingeschaltetem Nagle-Algorithmus (Standard): Kleine Schreibvorgänge warten eventuell, um gemeinsam hinauszugehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Five small writes</source>
        <translation>Fünf kleine Schreibvorgänge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender writes “one ”, “two ”, “three ”, “four ”, “five ” in one go. TCP keeps no boundaries between writes: the receiver reads whatever has arrived.</source>
        <translation>Der Sender schreibt „one “, „two “, „three “, „four “, „five “ in einem Zug. TCP bewahrt keine Grenzen zwischen Schreibvorgängen: Der Empfänger liest, was gerade angekommen ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One 200 KB write</source>
        <translation>Ein Schreibvorgang von 200 KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now one write of 200 KB. It is more than the receiver&apos;s socket buffer holds at once, so the receiver gets it in pieces.</source>
        <translation>Jetzt ein Schreibvorgang von 200 KB. Das ist mehr, als der Socket-Puffer des Empfängers auf einmal fasst, also bekommt der Empfänger ihn in Stücken.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Here: one write, %1.</source>
        <translation>Hier: ein Schreibvorgang, %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the 200 KB at the receiver</source>
        <translation>den 200 KB beim Empfänger</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nagle&apos;s algorithm off</source>
        <translation>Nagle-Algorithmus aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender connects again with TCP_NODELAY: each small write now goes out at once, in a segment of its own.</source>
        <translation>Der Sender verbindet sich erneut mit TCP_NODELAY: Jeder kleine Schreibvorgang geht jetzt sofort hinaus, in einem eigenen Segment.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the sender connected again</source>
        <translation>dem erneut verbundenen Sender</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Five small writes, Nagle off</source>
        <translation>Fünf kleine Schreibvorgänge, Nagle aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same five writes. Each leaves at once, yet the receiver still reads whatever has arrived when it reads.</source>
        <translation>Dieselben fünf Schreibvorgänge. Jeder geht sofort hinaus, und doch liest der Empfänger weiterhin, was beim Lesen gerade angekommen ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line framing</source>
        <translation>Zeilen-Framing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receiver now cuts the stream at each newline. The sender writes five lines in three writes that cut lines in the middle; the framing still gives exactly the five lines.</source>
        <translation>Der Empfänger zerlegt den Datenstrom jetzt an jedem Zeilenumbruch. Der Sender schreibt fünf Zeilen in drei Schreibvorgängen, die Zeilen mittendrin teilen; das Framing liefert trotzdem genau die fünf Zeilen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Here: 3 writes, %1, 5 messages.</source>
        <translation>Hier: 3 Schreibvorgänge, %1, 5 Nachrichten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>five lines at the receiver</source>
        <translation>fünf Zeilen beim Empfänger</translation>
    </message>
    <message>
        <location filename="../core/demotcpudp.cpp" line="+107"/>
        <source>TCP vs UDP</source>
        <translation>TCP gegen UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100 numbered messages over TCP and over UDP through a lossy simulated link: UDP loses, duplicates and reorders; TCP delivers each one, in order, once.</source>
        <translation>100 nummerierte Nachrichten über TCP und über UDP durch eine verlustbehaftete simulierte Strecke: UDP verliert, verdoppelt und vertauscht; TCP liefert jede genau einmal und in Reihenfolge.</translation>
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
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Arrived in order</source>
        <translation>In Reihenfolge angekommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>Duplicated</source>
        <translation>Verdoppelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reordered</source>
        <translation>Vertauscht</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Start the receivers</source>
        <translation>Die Empfänger starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TCP server that cuts its stream into lines, and a UDP socket bound to a port: each waits for 100 numbered messages.</source>
        <translation>Ein TCP-Server, der seinen Datenstrom in Zeilen zerlegt, und ein an einen Port gebundener UDP-Socket: Jeder wartet auf 100 nummerierte Nachrichten.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>both receivers bound</source>
        <translation>beiden gebundenen Empfängern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the senders</source>
        <translation>Die Sender starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The TCP sender connects (a handshake). The UDP sender only binds: there is no connection. Its datagrams go through a simulated link — %1 — not a real network.</source>
        <translation>Der TCP-Sender verbindet sich (ein Handshake). Der UDP-Sender bindet nur: Es gibt keine Verbindung. Seine Datagramme laufen durch eine simulierte Strecke – %1 – nicht durch ein echtes Netzwerk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1% loss, %2% duplicates, %3 ± %4 ms delay, seed %5</source>
        <translation>%1 % Verlust, %2 % Duplikate, %3 ± %4 ms Verzögerung, Startwert %5</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the TCP sender connected and the UDP sender bound</source>
        <translation>dem verbundenen TCP-Sender und dem gebundenen UDP-Sender</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>100 messages over TCP</source>
        <translation>100 Nachrichten über TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The TCP sender writes the lines 1 to 100. TCP numbers every byte and acknowledges it: the receiver reads each line once, in order.</source>
        <translation>Der TCP-Sender schreibt die Zeilen 1 bis 100. TCP nummeriert jedes Byte und bestätigt es: Der Empfänger liest jede Zeile genau einmal, in Reihenfolge.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the 100 lines at the TCP receiver</source>
        <translation>den 100 Zeilen beim TCP-Empfänger</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>100 datagrams over UDP</source>
        <translation>100 Datagramme über UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The UDP sender sends the datagrams 1 to 100, one every 5 ms. Nothing numbers or acknowledges them: what the link drops is gone, and the rest arrive in whatever order the delays give them.</source>
        <translation>Der UDP-Sender sendet die Datagramme 1 bis 100, alle 5 ms eines. Nichts nummeriert oder bestätigt sie: Was die Strecke verwirft, ist weg, und der Rest kommt in der Reihenfolge an, die die Verzögerungen ergeben.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Of %1 datagrams, %2 arrived: %3 lost, %4 duplicated, %5 out of order. UDP itself tells the program nothing of this.</source>
        <translation>Von %1 Datagrammen kamen %2 an: %3 verloren, %4 verdoppelt, %5 außer der Reihe. UDP selbst teilt dem Programm nichts davon mit.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the datagrams to stop arriving</source>
        <translation>dem Ende der ankommenden Datagramme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What this means</source>
        <translation>Was das bedeutet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP delivered every message, in order, once; UDP did not. On a real lossy network TCP retransmits what is lost and slows down, but it never shows the application a gap.</source>
        <translation>TCP hat jede Nachricht genau einmal und in Reihenfolge geliefert, UDP nicht. In einem echten verlustbehafteten Netzwerk sendet TCP Verlorenes erneut und wird langsamer, zeigt der Anwendung aber nie eine Lücke.</translation>
    </message>
</context>
<context>
    <name>SockPlay::DtlsClientEndpoint</name>
    <message>
        <location filename="../core/dtlsclientendpoint.cpp" line="+32"/>
        <source>port 0 cannot be connected to — use the server&apos;s port (1–65535)</source>
        <translation>mit Port 0 kann man sich nicht verbinden – den Port des Servers verwenden (1–65535)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot start the DTLS client: %1</source>
        <translation>der DTLS-Client kann nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::DtlsServerEndpoint</name>
    <message>
        <location filename="../core/dtlsserverendpoint.cpp" line="+50"/>
        <source>“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>„%1“ ist keine Adresse zum Binden – 127.0.0.1, ::1, 0.0.0.0 oder :: verwenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot start the DTLS server: %1</source>
        <translation>der DTLS-Server kann nicht starten: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot bind %1: %2</source>
        <translation>kann %1 nicht binden: %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::Endpoint</name>
    <message>
        <location filename="../core/endpoint.cpp" line="+148"/>
        <source>Cannot change the framing: connection #%1 is gone.</source>
        <translation>Framing kann nicht geändert werden: Verbindung #%1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+189"/>
        <source>not connected — connect first</source>
        <translation>nicht verbunden – zuerst verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not started</source>
        <translation>%1 ist nicht gestartet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no client is connected</source>
        <translation>kein Client ist verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no peer yet — nobody has sent a datagram here</source>
        <translation>noch keine Gegenstelle – niemand hat ein Datagramm hierher gesendet</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+14"/>
        <location line="+22"/>
        <source>connection #%1 is not open</source>
        <translation>Verbindung #%1 ist nicht offen</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+14"/>
        <source>peer #%1 is not known</source>
        <translation>Gegenstelle #%1 ist nicht bekannt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has nothing to half-close</source>
        <translation>%1 hat nichts zum halben Schließen</translation>
    </message>
</context>
<context>
    <name>SockPlay::EndpointPane</name>
    <message>
        <location filename="../ui/endpointpane.cpp" line="+78"/>
        <source>%1 error</source>
        <translation>%1: Fehler</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Nothing to send: the payload is empty.</source>
        <translation>Nichts zu senden: die Nutzdaten sind leer.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 messages</source>
        <translation>%1: Nachrichten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>Auto-reply</source>
        <translation>Auto-Antwort</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>How received bytes are cut into messages, and rules that answer them</source>
        <translation>Wie empfangene Bytes in Nachrichten zerlegt werden, und Regeln, die darauf antworten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rates</source>
        <translation>%1: Datenraten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rates</source>
        <translation>Datenraten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bytes per second in and out over the last minute</source>
        <translation>Bytes pro Sekunde ein und aus in der letzten Minute</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 message tabs</source>
        <translation>%1: Nachrichten-Reiter</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 sent</source>
        <translation>%1 von %2 gesendet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved messages, shared by both panes: click loads, double-click sends</source>
        <translation>Gespeicherte Nachrichten für beide Bereiche: Klick lädt, Doppelklick sendet</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Auto-reply (%1)</source>
        <translation>Auto-Antwort (%1)</translation>
    </message>
</context>
<context>
    <name>SockPlay::EventDetailView</name>
    <message>
        <location filename="../ui/eventdetailview.cpp" line="+48"/>
        <location line="+109"/>
        <location line="+11"/>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Copy deta&amp;ils</source>
        <translation>Det&amp;ails kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy event details</source>
        <translation>Ereignisdetails kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the metadata, the chunks and the hex dump as text</source>
        <translation>Metadaten, Teilstücke und Hex-Dump als Text kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select an event in the log to see its bytes.</source>
        <translation>Ein Ereignis im Log auswählen, um seine Bytes zu sehen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Event metadata</source>
        <translation>Ereignis-Metadaten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chunks of the message</source>
        <translation>Teilstücke der Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or double-click selects the event in the log</source>
        <translation>Eingabe oder Doppelklick wählt das Ereignis im Log aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+126"/>
        <location line="+6"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+133"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Payload hex dump</source>
        <translation>Hex-Dump der Nutzdaten</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Payload dropped: the log&apos;s payload budget ran out.</source>
        <translation>Nutzdaten verworfen: Das Nutzdaten-Budget des Logs war erschöpft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload: the first %1 of %2 bytes (the log&apos;s limit per event):</source>
        <translation>Nutzdaten: die ersten %1 von %2 Bytes (Grenze des Logs pro Ereignis):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload, offsets in the stream:</source>
        <translation>Nutzdaten, Offsets im Datenstrom:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload:</source>
        <translation>Nutzdaten:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(the first %1 bytes are shown; Copy details copies all %2)</source>
        <translation>(die ersten %1 Bytes werden gezeigt; Details kopieren kopiert alle %2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (no longer in the log)</source>
        <translation>%1 (nicht mehr im Log)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>1 event dropped here</source>
        <translation>1 Ereignis hier verworfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 events dropped here</source>
        <translation>%1 Ereignisse hier verworfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (sequence #%2)</source>
        <translation>%1 (Sequenz #%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, connection #%2</source>
        <translation>%1, Verbindung #%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>local %1, peer %2</source>
        <translation>lokal %1, Gegenstelle %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>local %1</source>
        <translation>lokal %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>peer %1</source>
        <translation>Gegenstelle %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stream offset</source>
        <translation>Offset im Datenstrom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, incoming</source>
        <translation>%1, eingehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, outgoing</source>
        <translation>%1, ausgehend</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>dropped (the log&apos;s payload budget ran out)</source>
        <translation>verworfen (das Nutzdaten-Budget des Logs war erschöpft)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>truncated: %1 of %2 bytes kept</source>
        <translation>gekürzt: %1 von %2 Bytes behalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Came in 1 read:</source>
        <translation>Kam in 1 Lesevorgang:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Came in %1 reads:</source>
        <translation>Kam in %1 Lesevorgängen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first %1 bytes came in reads no longer in the log.</source>
        <translation>Die ersten %1 Bytes kamen in Lesevorgängen, die nicht mehr im Log sind.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first %1 bytes came in reads more than %2 events earlier (not looked up).</source>
        <translation>Die ersten %1 Bytes kamen in Lesevorgängen mehr als %2 Ereignisse früher (nicht nachgeschlagen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fed 1 message:</source>
        <translation>Ergab 1 Nachricht:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fed %1 messages:</source>
        <translation>Ergab %1 Nachrichten:</translation>
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
        <translation>  #%1 %2  %3  Offset %4  %5 Bytes
</translation>
    </message>
</context>
<context>
    <name>SockPlay::EventKind</name>
    <message>
        <location filename="../core/event.cpp" line="+13"/>
        <source>socket created</source>
        <translation>Socket erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>looking up</source>
        <translation>Namensauflösung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bound</source>
        <translation>gebunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listening</source>
        <translation>lauscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turned away</source>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagram sent</source>
        <translation>Datagramm gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagram received</source>
        <translation>Datagramm empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>automatic reply</source>
        <translation>automatische Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done sending</source>
        <translation>Senden beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer closed</source>
        <translation>Gegenstelle hat geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped (simulated)</source>
        <translation>verworfen (simuliert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>secured</source>
        <translation>gesichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>SockPlay::FocusRing</name>
    <message>
        <location filename="../ui/focusring.cpp" line="+16"/>
        <source>Focus ring</source>
        <translation>Fokusrahmen</translation>
    </message>
</context>
<context>
    <name>SockPlay::Ladder</name>
    <message>
        <location filename="../core/ladder.cpp" line="+226"/>
        <source>peer %1</source>
        <translation>Gegenstelle %1</translation>
    </message>
    <message>
        <location filename="../core/ladderflow.cpp" line="+263"/>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reply %1</source>
        <translation>Antwort %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(read as %1 chunks)</source>
        <translation>(in %1 Teilstücken gelesen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(duplicate)</source>
        <translation>(Duplikat)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(reordered)</source>
        <translation>(vertauscht)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(dropped by the simulated link)</source>
        <translation>(von der simulierten Strecke verworfen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(lost)</source>
        <translation>(verloren)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>RST (refused)</source>
        <translation>RST (abgelehnt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turned away (RST)</source>
        <translation>abgewiesen (RST)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>datagram %1</source>
        <translation>Datagramm %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS handshake</source>
        <translation>TLS-Handshake</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS handshake (%1)</source>
        <translation>TLS-Handshake (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DTLS handshake</source>
        <translation>DTLS-Handshake</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DTLS handshake (%1)</source>
        <translation>DTLS-Handshake (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>message, %1 to %2, %3</source>
        <translation>Nachricht, %1 an %2, %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagram, %1 to %2, %3</source>
        <translation>Datagramm, %1 an %2, %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turned away, %1 to %2</source>
        <translation>abgewiesen, %1 an %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 to %3</source>
        <translation>%1, %2 an %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by the kernel</source>
        <translation>durch den Kernel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not seen arriving</source>
        <translation>Ankunft nicht gesehen</translation>
    </message>
</context>
<context>
    <name>SockPlay::LifecycleDiagram</name>
    <message>
        <location filename="../ui/lifecyclediagram.cpp" line="+51"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
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
            <numerusform>und %n weitere Verbindung</numerusform>
            <numerusform>und %n weitere Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>and %n more client(s)</source>
        <translation>
            <numerusform>und %n weiterer Client</numerusform>
            <numerusform>und %n weitere Clients</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>connection #%1: </source>
        <translation>Verbindung #%1: </translation>
    </message>
</context>
<context>
    <name>SockPlay::LifecycleFlow</name>
    <message>
        <location filename="../core/lifecycleflow.cpp" line="+62"/>
        <source>the name is looked up first: socket() needs the address family it finds</source>
        <translation>zuerst wird der Name aufgelöst: socket() braucht die Adressfamilie, die dabei herauskommt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a UDP socket exists: DTLS will make an association over it</source>
        <translation>ein UDP-Socket existiert: DTLS baut darüber eine Assoziation auf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a UDP socket exists: it will never have a connection</source>
        <translation>ein UDP-Socket existiert: Er wird nie eine Verbindung haben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a TCP socket exists, for the address family of the peer</source>
        <translation>ein TCP-Socket existiert, für die Adressfamilie der Gegenstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a TCP socket exists, not yet tied to an address</source>
        <translation>ein TCP-Socket existiert, noch an keine Adresse gebunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the socket owns a local port: datagrams sent to it arrive here</source>
        <translation>der Socket besitzt einen lokalen Port: Datagramme dorthin kommen hier an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the socket now owns a local address and port</source>
        <translation>der Socket besitzt jetzt eine lokale Adresse und einen Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the kernel now completes handshakes for us and queues them</source>
        <translation>der Kernel führt jetzt Handshakes für uns durch und reiht sie in eine Warteschlange</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a new socket for this client; the listening socket keeps listening</source>
        <translation>ein neuer Socket für diesen Client; der lauschende Socket lauscht weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>takes the next finished handshake from the queue: one new socket per client</source>
        <translation>nimmt den nächsten fertigen Handshake aus der Warteschlange: ein neuer Socket pro Client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connect() on UDP only fixes the peer: nothing is sent, the kernel picks our port</source>
        <translation>connect() legt bei UDP nur die Gegenstelle fest: nichts wird gesendet, der Kernel wählt unseren Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SYN sent; the kernel does the handshake (SYN, SYN-ACK, ACK) and returns when it is done</source>
        <translation>SYN gesendet; der Kernel führt den Handshake durch (SYN, SYN-ACK, ACK) und kehrt zurück, wenn er fertig ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server answers the first ClientHello with a cookie; the ClientHello goes again with it, proving our address</source>
        <translation>der Server beantwortet das erste ClientHello mit einem Cookie; das ClientHello geht mit ihm erneut hinaus und beweist unsere Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this client echoed its cookie: its address is proven, and it gets a DTLS state of its own on the server&apos;s one socket</source>
        <translation>dieser Client hat sein Cookie zurückgeschickt: seine Adresse ist bewiesen, und er bekommt einen eigenen DTLS-Zustand auf dem einen Socket des Servers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a ClientHello without a valid cookie gets one back (HelloVerifyRequest) and costs no memory; a client that echoes it has proven its address</source>
        <translation>ein ClientHello ohne gültiges Cookie bekommt eines zurück (HelloVerifyRequest) und kostet keinen Speicher; ein Client, der es zurückschickt, hat seine Adresse bewiesen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the DTLS handshake: certificates, keys agreed, each flight sent again if lost; from here on every datagram is encrypted</source>
        <translation>der DTLS-Handshake: Zertifikate, vereinbarte Schlüssel, jeder verlorene Flight wird erneut gesendet; ab hier ist jedes Datagramm verschlüsselt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the TLS handshake: hello messages, the server&apos;s certificate, keys agreed; from here on every byte is encrypted</source>
        <translation>der TLS-Handshake: Hello-Nachrichten, das Zertifikat des Servers, Schlüssel vereinbart; ab hier ist jedes Byte verschlüsselt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an HTTP request asks to switch to WebSocket, the answer is 101 Switching Protocols; from here on the bytes are WebSocket frames</source>
        <translation>eine HTTP-Anfrage bittet um den Wechsel zu WebSocket, die Antwort ist 101 Switching Protocols; ab hier sind die Bytes WebSocket-Frames</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bytes flow both ways at the line&apos;s speed, as one stream: no addresses, no message boundaries</source>
        <translation>Bytes fließen mit der Geschwindigkeit der Leitung in beide Richtungen, als ein Strom: keine Adressen, keine Nachrichtengrenzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>messages flow both ways, each one whole: the frames keep their boundaries</source>
        <translation>Nachrichten fließen in beide Richtungen, jede ganz: die Frames bewahren ihre Grenzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bytes flow both ways as one encrypted stream: no message boundaries</source>
        <translation>Bytes fließen in beide Richtungen als ein verschlüsselter Strom: keine Nachrichtengrenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bytes flow both ways as one stream: no message boundaries</source>
        <translation>Bytes fließen in beide Richtungen als ein Datenstrom: keine Nachrichtengrenzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>each datagram is one encrypted record: boundaries kept, none acknowledged</source>
        <translation>jedes Datagramm ist ein verschlüsselter Record: Grenzen bleiben erhalten, keines wird bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each datagram travels alone, to or from any address; none is acknowledged</source>
        <translation>jedes Datagramm reist allein, zu oder von beliebigen Adressen; keines wird bestätigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FIN sent: we are done sending, and still receiving</source>
        <translation>FIN gesendet: Wir senden nichts mehr, empfangen aber weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the device file is opened: the program holds the port now, no other program should</source>
        <translation>die Gerätedatei ist geöffnet: Das Programm hält die Schnittstelle jetzt, kein anderes Programm sollte es</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the line is set up: speed, bits per character, parity, stop bits, flow control, and the DTR and RTS lines</source>
        <translation>die Leitung ist eingerichtet: Geschwindigkeit, Bits pro Zeichen, Parität, Stoppbits, Flusssteuerung sowie die DTR- und RTS-Leitungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>close_notify tells the client its association is over; the server&apos;s socket stays, for the others</source>
        <translation>close_notify sagt dem Client, dass seine Assoziation beendet ist; der Socket des Servers bleibt, für die anderen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>close_notify tells the peer the association is over; the socket is released</source>
        <translation>close_notify sagt der Gegenstelle, dass die Assoziation beendet ist; der Socket wird freigegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the device is released: the driver usually lowers DTR, which many devices take as a hang-up</source>
        <translation>das Gerät ist freigegeben: Der Treiber senkt meist DTR, was viele Geräte als Auflegen verstehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the listening socket is closed: no new clients</source>
        <translation>der lauschende Socket ist geschlossen: keine neuen Clients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the socket and its port are released</source>
        <translation>der Socket und sein Port sind freigegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection ends: FIN sent, the kernel finishes the goodbye</source>
        <translation>die Verbindung endet: FIN gesendet, der Kernel bringt den Abschied zu Ende</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>closed by us</source>
        <translation>von uns geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed by the peer</source>
        <translation>von der Gegenstelle geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset</source>
        <translation>zurückgesetzt</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Relay (UDP)</source>
        <translation>Relay (UDP)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay (TLS for its clients)</source>
        <translation>Relay (TLS für seine Clients)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS server</source>
        <translation>TLS-Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS client</source>
        <translation>TLS-Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket server</source>
        <translation>WebSocket-Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WebSocket client</source>
        <translation>WebSocket-Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket server (wss)</source>
        <translation>WebSocket-Server (wss)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WebSocket client (wss)</source>
        <translation>WebSocket-Client (wss)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP server</source>
        <translation>TCP-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP client</source>
        <translation>TCP-Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP socket</source>
        <translation>UDP-Socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial port</source>
        <translation>serielle Schnittstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DTLS server</source>
        <translation>DTLS-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DTLS client</source>
        <translation>DTLS-Client</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the device went away (unplugged, or the program at its other end closed it): we close it too</source>
        <translation>das Gerät ist weg (ausgesteckt, oder das Programm am anderen Ende hat es geschlossen): Wir schließen es auch</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the peer sent close_notify: the association is over (UDP has no FIN)</source>
        <translation>die Gegenstelle hat close_notify gesendet: die Assoziation ist beendet (UDP hat kein FIN)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the handshake did not finish: the association is dropped</source>
        <translation>der Handshake wurde nicht abgeschlossen: die Assoziation wird verworfen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>we closed first: our FIN went out, the kernel finishes the goodbye</source>
        <translation>wir haben zuerst geschlossen: Unser FIN ging hinaus, der Kernel bringt den Abschied zu Ende</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer closed first: recv() returned 0 (FIN received), so we close too</source>
        <translation>die Gegenstelle hat zuerst geschlossen: recv() lieferte 0 (FIN empfangen), also schließen wir auch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the connection was reset (RST): the kernel dropped it at once</source>
        <translation>die Verbindung wurde zurückgesetzt (RST): Der Kernel hat sie sofort verworfen</translation>
    </message>
</context>
<context>
    <name>SockPlay::LifecycleLabel</name>
    <message>
        <location filename="../ui/lifecyclelabel.cpp" line="+113"/>
        <source>TCP server</source>
        <translation>TCP-Server</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>UDP socket, no connections</source>
        <translation>UDP-Socket, keine Verbindungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TCP client</source>
        <translation>TCP-Client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP client, no handshake</source>
        <translation>UDP-Client, kein Handshake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bind(any port)</source>
        <extracomment>A socket call as pseudo-code: bind() with port 0, the system picks one.</extracomment>
        <translation>bind(beliebiger Port)</translation>
    </message>
</context>
<context>
    <name>SockPlay::LifecycleView</name>
    <message>
        <location filename="../ui/lifecycleview.cpp" line="+18"/>
        <location line="+15"/>
        <source>Lifecycle diagrams</source>
        <translation>Lebenszyklus-Diagramme</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Start a server or a client: its socket calls light up here as the real events arrive.</source>
        <translation>Einen Server oder Client starten: Seine Socket-Aufrufe leuchten hier auf, sobald die echten Ereignisse eintreffen.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>endpoint %1</source>
        <translation>Endpunkt %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 lifecycle</source>
        <translation>%1: Lebenszyklus</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n older connection(s) not shown</source>
        <translation>
            <numerusform>%n ältere Verbindung nicht gezeigt</numerusform>
            <numerusform>%n ältere Verbindungen nicht gezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SockPlay::ListenWarning</name>
    <message>
        <location filename="../ui/listenwarning.cpp" line="+17"/>
        <source>Warning: reachable from the network</source>
        <translation>Warnung: aus dem Netzwerk erreichbar</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Bound to every interface: other machines on the network can send to it.</source>
        <translation>An alle Schnittstellen gebunden: andere Rechner im Netzwerk können Daten senden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bound to %1, an address of the network: other machines can send to it.</source>
        <translation>An %1 gebunden, eine Netzwerkadresse: andere Rechner können Daten senden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening on every interface: other machines on the network can connect.</source>
        <translation>Lauscht an allen Schnittstellen: andere Rechner im Netzwerk können sich verbinden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listening on %1, an address of the network: other machines can connect.</source>
        <translation>Lauscht an %1, einer Netzwerkadresse: andere Rechner können sich verbinden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>127.0.0.1 or ::1 accept this machine only.</source>
        <translation>127.0.0.1 oder ::1 nehmen nur diesen Rechner an.</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogExportBar</name>
    <message>
        <location filename="../ui/logexportbar.cpp" line="+18"/>
        <source>Log export</source>
        <translation>Log-Export</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export log</source>
        <translation>Log exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the log to a file (Ctrl+E): .pcapng for Wireshark, .csv or .jsonl</source>
        <translation>Das Log in eine Datei schreiben (Strg+E): .pcapng für Wireshark, .csv oder .jsonl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;All events…</source>
        <translation>&amp;Alle Ereignisse …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Only the rows the filter shows…</source>
        <translation>&amp;Nur die Zeilen, die der Filter zeigt …</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Autosave log</source>
        <translation>Log automatisch speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Autosave stopped: %1</source>
        <translation>Automatisches Speichern gestoppt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export status</source>
        <translation>Exportstatus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export error</source>
        <translation>Exportfehler</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exported 1 event to %1</source>
        <translation>1 Ereignis nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 events to %2</source>
        <translation>%1 Ereignisse nach %2 exportiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1 rows the log dropped meanwhile were skipped)</source>
        <translation> (%1 Zeilen, die das Log inzwischen verworfen hat, wurden übersprungen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+61"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Export cancelled: %1 was left as it was</source>
        <translation>Export abgebrochen: %1 blieb unverändert</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export every event</source>
        <translation>Jedes Ereignis exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the filtered rows</source>
        <translation>Die gefilterten Zeilen exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the selected rows</source>
        <translation>Die ausgewählten Zeilen exportieren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The filter is still going through the log: export its rows when it is done</source>
        <translation>Der Filter durchsucht das Log noch: seine Zeilen exportieren, wenn er fertig ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the filter is still scanning</source>
        <translation>der Filter sucht noch</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Autosave the log to</source>
        <translation>Log automatisch speichern in</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Autosave off: %1 events written to %2</source>
        <translation>Automatisches Speichern aus: %1 Ereignisse nach %2 geschrieben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Autosave: %1</source>
        <translation>Automatisch speichern: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every new event is written to %1; click to stop</source>
        <translation>Jedes neue Ereignis wird nach %1 geschrieben; zum Beenden klicken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Autosave…</source>
        <translation>Automatisch speichern …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write every new event to a file as it arrives (.jsonl, .ndjson, .pcapng or .csv)</source>
        <translation>Jedes neue Ereignis beim Eintreffen in eine Datei schreiben (.jsonl, .ndjson, .pcapng oder .csv)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export status: %1</source>
        <translation>Exportstatus: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogExporter</name>
    <message>
        <location filename="../ui/logexporter.cpp" line="+25"/>
        <source>An export to %1 is still running</source>
        <translation>Ein Export nach %1 läuft noch</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>writing %1 failed: %2</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogFilterBar</name>
    <message>
        <location filename="../ui/logfilterbar.cpp" line="+43"/>
        <source>Log filter and search</source>
        <translation>Log-Filter und Suche</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the log</source>
        <translation>Das Log durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text, regex or hex bytes in payloads and details</source>
        <translation>Text, regulärer Ausdruck oder Hex-Bytes in Nutzdaten und Details</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find in the log (Ctrl+F); Enter or F3: next match, Shift+F3: previous</source>
        <translation>Im Log suchen (Strg+F); Eingabe oder F3: nächster Treffer, Umschalt+F3: vorheriger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search mode</source>
        <translation>Suchmodus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The previous match (Shift+F3)</source>
        <translation>Der vorherige Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next match (F3, or Enter in the search field)</source>
        <translation>Der nächste Treffer (F3 oder Eingabe im Suchfeld)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+159"/>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event kinds shown</source>
        <translation>Gezeigte Ereignisarten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors and notes</source>
        <translation>Fehler und Hinweise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Side shown</source>
        <translation>Gezeigte Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both sides</source>
        <translation>Beide Seiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection shown</source>
        <translation>Gezeigte Verbindung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the events of connection #n (as in the Connection column); 0: the endpoints&apos; own events</source>
        <translation>Nur die Ereignisse der Verbindung #n (wie in der Spalte Verbindung); 0: die eigenen Ereignisse der Endpunkte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Direction shown</source>
        <translation>Gezeigte Richtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In and out</source>
        <translation>Ein und aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In (received)</source>
        <translation>Ein (empfangen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out (sent)</source>
        <translation>Aus (gesendet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+182"/>
        <location line="+1"/>
        <source>Pause following</source>
        <translation>Mitlaufen anhalten</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>Search error</source>
        <translation>Suchfehler</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1, searching… %2%</source>
        <translation>%1, suche … %2 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>no matches</source>
        <translation>keine Treffer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 matches</source>
        <translation>%1 von %2 Treffern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matches: %1</source>
        <translation>Treffer: %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+1"/>
        <source>Jump to newest</source>
        <translation>Zum Neuesten springen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the newest events and follow them again</source>
        <translation>Die neuesten Ereignisse zeigen und ihnen wieder folgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop scrolling to new events (the log keeps recording)</source>
        <translation>Nicht mehr zu neuen Ereignissen scrollen (das Log zeichnet weiter auf)</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogLimitsDialog</name>
    <message>
        <location filename="../ui/loglimitsdialog.cpp" line="+25"/>
        <location line="+1"/>
        <source>Log limits</source>
        <translation>Log-Grenzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events kept</source>
        <translation>Behaltene Ereignisse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Payload memory in MiB</source>
        <translation>Nutzdatenspeicher in MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payload kept per event in KiB</source>
        <translation>Behaltene Nutzdaten pro Ereignis in KiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When the log is full, the oldest data events go first; connections, lifecycle steps and errors are kept longer, and a row says how many events were dropped. When the payload memory runs out, the oldest events lose their bytes first.</source>
        <translation>Ist das Log voll, gehen die ältesten Datenereignisse zuerst; Verbindungen, Lebenszyklus-Schritte und Fehler bleiben länger, und eine Zeile sagt, wie viele Ereignisse verworfen wurden. Ist der Nutzdatenspeicher erschöpft, verlieren die ältesten Ereignisse zuerst ihre Bytes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Events kept:</source>
        <translation>Behaltene &amp;Ereignisse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Payload memory:</source>
        <translation>&amp;Nutzdatenspeicher:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload kept per &amp;event:</source>
        <translation>Nutzdaten pro Ereignis &amp;behalten:</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogModel</name>
    <message>
        <location filename="../ui/logmodel.cpp" line="+207"/>
        <source>(payload dropped: the log&apos;s payload budget ran out)</source>
        <translation>(Nutzdaten verworfen: Das Nutzdaten-Budget des Logs war erschöpft)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>⋯ 1 event dropped here</source>
        <translation>⋯ 1 Ereignis hier verworfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>⋯ %1 events dropped here</source>
        <translation>⋯ %1 Ereignisse hier verworfen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(no longer kept)</source>
        <translation>(nicht mehr behalten)</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+35"/>
        <source>local %1</source>
        <translation>lokal %1</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>local %1, peer %2</source>
        <translation>lokal %1, Gegenstelle %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the log keeps the newest %2 events, and connections, lifecycle steps and errors longer (Limits… changes how many)</source>
        <translation>%1: Das Log behält die neuesten %2 Ereignisse, Verbindungen, Lebenszyklus-Schritte und Fehler länger (Grenzen … ändert, wie viele)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload (hex)</source>
        <translation>Nutzdaten (Hex)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload (text)</source>
        <translation>Nutzdaten (Text)</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogRowActions</name>
    <message>
        <location filename="../ui/logrowactions.cpp" line="+27"/>
        <source>Log row actions</source>
        <translation>Aktionen für Log-Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as &amp;hex</source>
        <translation>Als &amp;Hex kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;details</source>
        <translation>&amp;Details zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter to this co&amp;nnection</source>
        <translation>Auf diese &amp;Verbindung filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter to this &amp;endpoint</source>
        <translation>Auf diesen &amp;Endpunkt filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport selected rows…</source>
        <translation>Ausgewählte Zeilen e&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;all</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>payloads as hex</source>
        <translation>Nutzdaten als Hex</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied the first %1 of %2 selected %3 (at most %1 at once: export the rest)</source>
        <translation>Die ersten %1 von %2 ausgewählten %3 kopiert (höchstens %1 auf einmal: den Rest exportieren)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied %1 %2</source>
        <translation>%1 %2 kopiert</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogTableView</name>
    <message>
        <location filename="../ui/logtableview.cpp" line="+23"/>
        <source>Live log table</source>
        <translation>Live-Log-Tabelle</translation>
    </message>
</context>
<context>
    <name>SockPlay::LogView</name>
    <message>
        <location filename="../ui/logview.cpp" line="+37"/>
        <location line="+2"/>
        <source>Live log</source>
        <translation>Live-Log</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Events in the log</source>
        <translation>Ereignisse im Log</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pa&amp;yload as</source>
        <translation>N&amp;utzdaten als</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log payload display</source>
        <translation>Anzeige der Nutzdaten im Log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Bytes &amp;&amp; details</source>
        <translation>&amp;Bytes &amp;&amp; Details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show event details</source>
        <translation>Ereignisdetails zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected event&apos;s bytes as a hex dump, its metadata, and the reads a message came in.
Enter or a double-click on a row shows them too.</source>
        <translation>Die Bytes des ausgewählten Ereignisses als Hex-Dump, seine Metadaten und die Lesevorgänge, in denen eine Nachricht kam.
Eingabe oder ein Doppelklick auf eine Zeile zeigt sie ebenfalls.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Li&amp;mits…</source>
        <translation>&amp;Grenzen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log limits</source>
        <translation>Log-Grenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many events the log keeps, and how many payload bytes</source>
        <translation>Wie viele Ereignisse und wie viele Nutzdaten-Bytes das Log behält</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lear log</source>
        <translation>Log &amp;leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear log</source>
        <translation>Log leeren</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1 dropped)</source>
        <translation> (%1 verworfen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events in the log: %1</source>
        <translation>Ereignisse im Log: %1</translation>
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
        <translation>Endpunkte</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Script panel</source>
        <translation>Skript-Panel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show or hide the script panel (Ctrl+Shift+R)</source>
        <translation>Skript-Panel zeigen oder ausblenden (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show or hide the script panel</source>
        <translation>Skript-Panel zeigen oder ausblenden</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>“%1” is now “%2”</source>
        <translation>„%1“ heißt jetzt „%2“</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Endpoints: %1 (%2 running)    TCP connections: %3    UDP peers: %4    In: %5 bytes (%6, %7 msg/s)    Out: %8 bytes (%9, %10 msg/s)</source>
        <translation>Endpunkte: %1 (%2 aktiv)    TCP-Verbindungen: %3    UDP-Gegenstellen: %4    Ein: %5 Bytes (%6, %7 Nachr./s)    Aus: %8 Bytes (%9, %10 Nachr./s)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcode.cpp" line="+23"/>
        <location line="+7"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show or hide: the program in Python, Go or C++ (%1)</source>
        <translation>Zeigen oder ausblenden: das Programm in Python, Go oder C++ (%1)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowdemos.cpp" line="+41"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Demo panel</source>
        <translation>Demo-Panel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the demo&apos;s steps, narration and counters</source>
        <translation>Schritte, Erläuterung und Zähler der Demo zeigen oder ausblenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demos</source>
        <translation>Demos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demos menu</source>
        <translation>Menü Demos</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfiles.cpp" line="-49"/>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File menu</source>
        <translation>Menü Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open session…</source>
        <translation>Sitzung öffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save session…</source>
        <translation>Sitzung speichern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View menu</source>
        <translation>Menü Ansicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>More menus</source>
        <translation>Weitere Menüs</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Endpoints menu</source>
        <translation>Menü Endpunkte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New server</source>
        <translation>Neuer Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New client</source>
        <translation>Neuer Client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename endpoint…</source>
        <translation>Endpunkt umbenennen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close endpoint</source>
        <translation>Endpunkt schließen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Help menu</source>
        <translation>Menü Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About SockPlay</source>
        <translation>Über SockPlay</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rename endpoint</source>
        <translation>Endpunkt umbenennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>New name for “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Zoom %1%</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Open session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+10"/>
        <source>SockPlay sessions (*.json);;All files (*)</source>
        <translation>SockPlay-Sitzungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Save session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+41"/>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Could not open the session: %1</source>
        <translation>Die Sitzung konnte nicht geöffnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n message(s) added to the library</source>
        <translation>
            <numerusform>%n Nachricht zur Bibliothek hinzugefügt</numerusform>
            <numerusform>%n Nachrichten zur Bibliothek hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its script is in the script panel (Ctrl+Shift+R)</source>
        <translation>ihr Skript steht im Skript-Panel (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened session %1%2</source>
        <translation>Sitzung %1 geöffnet%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved session %1</source>
        <translation>Sitzung %1 gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the session: %1</source>
        <translation>Die Sitzung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowteaching.cpp" line="+56"/>
        <location line="+44"/>
        <source>Lifecycle</source>
        <translation>Lebenszyklus</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+41"/>
        <source>Sequence diagram</source>
        <translation>Sequenzdiagramm</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Show or hide: %1 (%2)</source>
        <translation>Zeigen oder ausblenden: %1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show or hide: %1</source>
        <translation>Zeigen oder ausblenden: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::MessageLibraryModel</name>
    <message>
        <location filename="../ui/messagelibrarymodel.cpp" line="+22"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no line ending</source>
        <translation>kein Zeilenende</translation>
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
        <translation>Die Nachrichtenbibliothek konnte nicht geladen werden (%1). Sie beginnt leer; die Datei bleibt unverändert, bis Sie die Bibliothek ändern, dann wird sie als %2 aufbewahrt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot keep the unreadable library as %1: %2</source>
        <translation>Die unlesbare Bibliothek kann nicht als %1 aufbewahrt werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot save the message library: %1</source>
        <translation>Die Nachrichtenbibliothek kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The library is full (%1 messages).</source>
        <translation>Die Bibliothek ist voll (%1 Nachrichten).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no message %1 to remove.</source>
        <translation>Es gibt keine Nachricht %1 zum Entfernen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no message %1 to rename.</source>
        <translation>Es gibt keine Nachricht %1 zum Umbenennen.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot import %1</source>
        <translation>%1 kann nicht importiert werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot import %1: its %2 messages and the %3 in the library are more than %4.</source>
        <translation>%1 kann nicht importiert werden: Seine %2 Nachrichten und die %3 in der Bibliothek sind mehr als %4.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot export: %1</source>
        <translation>Export nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>SockPlay::MessageLibraryView</name>
    <message>
        <location filename="../ui/messagelibraryview.cpp" line="+24"/>
        <source>SockPlay messages (*.json);;All files (*)</source>
        <translation>SockPlay-Nachrichten (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message %1</source>
        <translation>Nachricht %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click to load, double-click to send, drag to reorder.</source>
        <translation>Klicken zum Laden, Doppelklick zum Senden, Ziehen zum Umsortieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 message library</source>
        <translation>%1: Nachrichtenbibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved messages. Enter loads, Ctrl+Enter sends, F2 renames, Delete removes, Ctrl+Up and Ctrl+Down move the message.</source>
        <translation>Gespeicherte Nachrichten. Eingabe lädt, Strg+Eingabe sendet, F2 benennt um, Entf entfernt, Strg+Hoch und Strg+Runter verschieben die Nachricht.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Load into the editor</source>
        <translation>In den Editor laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Save current…</source>
        <translation>Aktuelle speichern …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 library: save the current message</source>
        <translation>%1-Bibliothek: die aktuelle Nachricht speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the message in the editor under a name</source>
        <translation>Die Nachricht im Editor unter einem Namen aufbewahren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 library: remove the selected message</source>
        <translation>%1-Bibliothek: die ausgewählte Nachricht entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected message from the library (Delete)</source>
        <translation>Die ausgewählte Nachricht aus der Bibliothek entfernen (Entf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 library: import messages</source>
        <translation>%1-Bibliothek: Nachrichten importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the messages of a library file after these</source>
        <translation>Die Nachrichten einer Bibliotheksdatei hinter diesen anfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 library: export messages</source>
        <translation>%1-Bibliothek: Nachrichten exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the library to a file</source>
        <translation>Die Bibliothek in eine Datei schreiben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 library error</source>
        <translation>%1-Bibliothek: Fehler</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Cannot save the message: %1</source>
        <translation>Die Nachricht kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name of the message to save</source>
        <translation>Name der zu speichernden Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save message</source>
        <translation>Nachricht speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Import messages</source>
        <translation>Nachrichten importieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export messages</source>
        <translation>Nachrichten exportieren</translation>
    </message>
</context>
<context>
    <name>SockPlay::MulticastOptionsPanel</name>
    <message>
        <location filename="../ui/multicastoptionspanel.cpp" line="+31"/>
        <source>Multicast and broadcast</source>
        <translation>Multicast und Broadcast</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 multicast and broadcast settings</source>
        <translation>%1 Multicast- und Broadcast-Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join multicast groups: datagrams sent to a group reach every member</source>
        <translation>Multicast-Gruppen beitreten: An eine Gruppe gesendete Datagramme erreichen jedes Mitglied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How multicast and broadcast datagrams go out; the host above may be a group (239.255.0.1, ff02::1:5) or a broadcast address</source>
        <translation>Wie Multicast- und Broadcast-Datagramme hinausgehen; der Host oben darf eine Gruppe (239.255.0.1, ff02::1:5) oder eine Broadcast-Adresse sein</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+4"/>
        <source>%1 multicast interface</source>
        <translation>%1 Multicast-Schnittstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system&apos;s choice</source>
        <translation>die Wahl des Systems</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the groups are joined: lo keeps them on this machine</source>
        <translation>Wo den Gruppen beigetreten wird: lo hält sie auf diesem Rechner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where multicast goes out: lo keeps it on this machine</source>
        <translation>Wo Multicast hinausgeht: lo hält es auf diesem Rechner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 multicast groups</source>
        <translation>%1 Multicast-Gruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 239.255.0.1, ff02::1:5</source>
        <translation>z. B. 239.255.0.1, ff02::1:5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined as the receiver starts (IPv4 and IPv6, separated by commas); it then binds every interface at its port, as group members do</source>
        <translation>Beim Start des Empfängers beigetreten (IPv4 und IPv6, durch Kommas getrennt); er bindet dann wie Gruppenmitglieder jede Schnittstelle an seinem Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 group to join or leave</source>
        <translation>%1 Gruppe zum Beitreten oder Verlassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a group, while running</source>
        <translation>eine Gruppe, während es läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 join the group</source>
        <translation>%1 der Gruppe beitreten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 leave the group</source>
        <translation>%1 die Gruppe verlassen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 multicast TTL</source>
        <translation>%1 Multicast-TTL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>system default (1)</source>
        <translation>Systemvorgabe (1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Routers a multicast datagram may cross (IPv6: the hop limit); 0 keeps it on this host, 1 on this network</source>
        <translation>Router, die ein Multicast-Datagramm überqueren darf (IPv6: das Hop-Limit); 0 hält es auf diesem Rechner, 1 in diesem Netz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTL / hops</source>
        <translation>TTL / Hops</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loopback: this host&apos;s members get it too</source>
        <translation>Loopback: Die Mitglieder auf diesem Rechner erhalten es auch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 multicast loopback</source>
        <translation>%1 Multicast-Loopback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>May send to a broadcast address</source>
        <translation>Darf an eine Broadcast-Adresse senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 may broadcast</source>
        <translation>%1 darf broadcasten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SO_BROADCAST: without it the system refuses a send to a broadcast address (such as 255.255.255.255), and the log says so</source>
        <translation>SO_BROADCAST: Ohne es verweigert das System das Senden an eine Broadcast-Adresse (etwa 255.255.255.255), und das Protokoll sagt es</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Multicast: the interface “%1”: %2</source>
        <translation>Multicast: die Schnittstelle „%1“: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Multicast: %1</source>
        <translation>Multicast: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::PayloadCodec</name>
    <message>
        <location filename="../core/payloadcodec.cpp" line="+158"/>
        <source>invalid base64 at character %1: %2 is not a base64 character</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>ungültiges Base64 bei Zeichen %1: %2 ist kein Base64-Zeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid base64 at character %1: &apos;=&apos; pads the end only</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>ungültiges Base64 bei Zeichen %1: &apos;=&apos; füllt nur das Ende auf</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>incomplete base64 at character %1: %2 characters do not make whole bytes</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>unvollständiges Base64 bei Zeichen %1: %2 Zeichen ergeben keine ganzen Bytes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invalid base64 at character %1: the padding does not fit</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>ungültiges Base64 bei Zeichen %1: die Auffüllung passt nicht</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>invalid escape at character %1: a lone backslash ends the text; write \\ for a backslash</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>ungültige Escape-Sequenz bei Zeichen %1: Ein einzelner Backslash beendet den Text; \\ für einen Backslash schreiben</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>invalid escape at character %1: %2 needs exactly two hex digits after \x, as in \x41</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>ungültige Escape-Sequenz bei Zeichen %1: %2 braucht genau zwei Hex-Ziffern nach \x, wie in \x41</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid escape at character %1: \%2 is not one of \n \r \t \\ \0 \xHH</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>ungültige Escape-Sequenz bei Zeichen %1: \%2 ist keine von \n \r \t \\ \0 \xHH</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>invalid hex at character %1: %2 is not a hex digit</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>ungültiges Hex bei Zeichen %1: %2 ist keine Hex-Ziffer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>odd number of hex digits (%1): each byte needs two; the digit at character %2 has no partner</source>
        <extracomment>Keep &quot;: &quot; after the position: the reason after it is also shown alone.</extracomment>
        <translation>ungerade Anzahl Hex-Ziffern (%1): Jedes Byte braucht zwei; die Ziffer bei Zeichen %2 hat keinen Partner</translation>
    </message>
</context>
<context>
    <name>SockPlay::PayloadEditor</name>
    <message>
        <location filename="../ui/payloadeditor.cpp" line="+35"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+369"/>
        <source>The bytes to send. Press Enter to send, Up and Down for the history.</source>
        <translation>Die zu sendenden Bytes. Eingabe sendet, Hoch und Runter für den Verlauf.</translation>
    </message>
    <message>
        <location line="-359"/>
        <source>payload error</source>
        <translation>Nutzdatenfehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>payload mode</source>
        <translation>Nutzdatenmodus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text: characters with escapes (\n \t \x41) and macros
      ({{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}})
Hex: exact bytes (48 65 6c 6c 6f)
Base64: exact bytes (SGVsbG8=)
File: the bytes of a file, streamed</source>
        <translation>Text: Zeichen mit Escape-Sequenzen (\n \t \x41) und Makros
      ({{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}})
Hex: genau diese Bytes (48 65 6c 6c 6f)
Base64: genau diese Bytes (SGVsbG8=)
Datei: die Bytes einer Datei, gestreamt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line ending</source>
        <translation>Zeilenende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No line ending</source>
        <translation>Kein Zeilenende</translation>
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
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>choose a file to send</source>
        <translation>eine zu sendende Datei wählen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>repeat count</source>
        <translation>Anzahl Wiederholungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until stopped</source>
        <translation>bis gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many times Send sends: 1 once, 0 until you press Stop.
{{counter}} counts the sends: 1, 2, 3, …</source>
        <translation>Wie oft Senden sendet: 1 einmal, 0 bis Sie Stopp drücken.
{{counter}} zählt die Sendungen: 1, 2, 3, …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>repeat interval in milliseconds</source>
        <translation>Wiederholungsabstand in Millisekunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time between two sends of a repeat, down to 1 ms; the schedule never drifts.</source>
        <translation>Zeit zwischen zwei Sendungen einer Wiederholung, bis hinab zu 1 ms; der Zeitplan driftet nie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sto&amp;p</source>
        <translation>Sto&amp;pp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>St&amp;op</source>
        <translation>St&amp;opp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stop sending</source>
        <translation>Senden stoppen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>send progress</source>
        <translation>Sendefortschritt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>invalid text at character %1: \%2 stands for a regex group, which only a reply rule has (\\%2 sends a backslash)</source>
        <translation>ungültiger Text bei Zeichen %1: \%2 steht für eine Regex-Gruppe, die nur eine Antwortregel hat (\\%2 sendet einen Backslash)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose a file to send (or type its path).</source>
        <translation>Eine zu sendende Datei wählen (oder ihren Pfad eingeben).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No such file: %1</source>
        <translation>Datei nicht gefunden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read %1: not a readable file.</source>
        <translation>%1 kann nicht gelesen werden: keine lesbare Datei.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A file is sent by streaming, not as one payload.</source>
        <translation>Eine Datei wird gestreamt, nicht als ein Nutzdatenblock gesendet.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Clear %1 payload</source>
        <translation>%1: Nutzdaten leeren</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Send a file</source>
        <translation>Eine Datei senden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bytes added after the typed text</source>
        <translation>Bytes, die nach dem eingegebenen Text angefügt werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex and Base64 send exactly the bytes you type</source>
        <translation>Hex und Base64 senden genau die eingegebenen Bytes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type a message, press Enter to send</source>
        <translation>Nachricht eingeben, Eingabe zum Senden drücken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hex bytes, e.g. 48 65 6c 6c 6f 0a</source>
        <translation>Hex-Bytes, z. B. 48 65 6c 6c 6f 0a</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Base64, e.g. SGVsbG8K</source>
        <translation>Base64, z. B. SGVsbG8K</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Path of a file to send, or Choose file…</source>
        <translation>Pfad einer zu sendenden Datei, oder Datei wählen …</translation>
    </message>
</context>
<context>
    <name>SockPlay::PresenterMode</name>
    <message>
        <location filename="../ui/presentermode.cpp" line="+56"/>
        <source>Presenter mode</source>
        <translation>Präsentationsmodus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Large text, high contrast, a thick focus ring, the teaching views up front (F5)</source>
        <translation>Große Schrift, hoher Kontrast, ein dicker Fokusrahmen, die Lehransichten im Vordergrund (F5)</translation>
    </message>
</context>
<context>
    <name>SockPlay::RateChart</name>
    <message>
        <location filename="../ui/ratechart.cpp" line="+62"/>
        <source>In %1 (%2 messages/s), out %3 (%4 messages/s)</source>
        <translation>Ein %1 (%2 Nachrichten/s), aus %3 (%4 Nachrichten/s)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>In %1 · %2 msg/s</source>
        <translation>Ein %1 · %2 Nachr./s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Out %1 · %2 msg/s</source>
        <translation>Aus %1 · %2 Nachr./s</translation>
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
        <translation>das Relay kann nicht starten: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot start the relay&apos;s TLS listener: %1</source>
        <translation>der TLS-Listener des Relays kann nicht starten: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot set up TLS to the relay&apos;s target: %1</source>
        <translation>TLS zum Ziel des Relays kann nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>no client is connected</source>
        <translation>kein Client ist verbunden</translation>
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
        <translation>Relay</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay settings</source>
        <translation>Relay-Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Relay target host</source>
        <translation>Relay Zielhost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host each client is forwarded to (a name or an address).</source>
        <translation>Der Host, an den jeder Client weitergeleitet wird (ein Name oder eine Adresse).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tar&amp;get</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay target port</source>
        <translation>Relay Zielport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port the target listens on.</source>
        <translation>Der Port, auf dem das Ziel lauscht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS for the clients (self-signed, made at Start)</source>
        <translation>TLS für die Clients (selbstsigniert, beim Start erzeugt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay TLS for the clients</source>
        <translation>Relay TLS für die Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients reach the relay over TLS; the relay presents a certificate made at Start (clients must trust it or not verify).</source>
        <translation>Clients erreichen das Relay über TLS; das Relay zeigt ein beim Start erzeugtes Zertifikat (Clients müssen ihm vertrauen oder nicht prüfen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS to the target</source>
        <translation>TLS zum Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay TLS to the target</source>
        <translation>Relay TLS zum Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The relay reaches the target over TLS.</source>
        <translation>Das Relay erreicht das Ziel über TLS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify the target&apos;s certificate</source>
        <translation>Zertifikat des Ziels prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay verify the target</source>
        <translation>Relay Ziel prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the target&apos;s chain (the system&apos;s CAs) and name. Off: each problem is logged as a note and the connection goes on.</source>
        <translation>Prüft die Zertifikatskette des Ziels (mit den CAs des Systems) und seinen Namen. Aus: Jedes Problem wird als Hinweis protokolliert, und die Verbindung läuft weiter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Relay delay to the target</source>
        <translation>Relay Verzögerung zum Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each chunk from a client is held this long before it goes to the target.</source>
        <translation>Jedes Datenstück eines Clients wird so lange zurückgehalten, bevor es zum Ziel geht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relay delay to the client</source>
        <translation>Relay Verzögerung zum Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each chunk from the target is held this long before it goes to its client.</source>
        <translation>Jedes Datenstück des Ziels wird so lange zurückgehalten, bevor es zu seinem Client geht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay to target</source>
        <translation>Verzögerung zum Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to client</source>
        <translation>zum Client</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;UDP: datagrams both ways</source>
        <translation>&amp;UDP: Datagramme in beide Richtungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay UDP</source>
        <translation>Relay UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A UDP relay: each client (address and port) gets a socket of its own to the target, a datagram for a datagram. No TLS; the simulated link acts on the side to the target.</source>
        <translation>Ein UDP-Relay: jeder Client (Adresse und Port) bekommt einen eigenen Socket zum Ziel, Datagramm für Datagramm. Kein TLS; die simulierte Strecke wirkt auf der Seite zum Ziel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Relay idle timeout</source>
        <translation>Relay-Leerlaufzeitlimit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A client&apos;s association ends after this long without a datagram either way.</source>
        <translation>Die Assoziation eines Clients endet nach dieser Zeit ohne Datagramm in einer der beiden Richtungen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle timeout</source>
        <translation>Leerlaufzeitlimit</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The relay needs a target: type the host each client is forwarded to.</source>
        <translation>Das Relay braucht ein Ziel: Geben Sie den Host ein, an den jeder Client weitergeleitet wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The relay needs the target&apos;s port (1–65535).</source>
        <translation>Das Relay braucht den Port des Ziels (1–65535).</translation>
    </message>
</context>
<context>
    <name>SockPlay::RuleDialog</name>
    <message>
        <location filename="../ui/ruledialog.cpp" line="+35"/>
        <location line="+1"/>
        <source>Auto-reply rule</source>
        <translation>Regel für Auto-Antwort</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When a message</source>
        <translation>Wenn eine Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any message</source>
        <translation>beliebige Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on connect (a greeting)</source>
        <translation>beim Verbinden (eine Begrüßung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is exactly</source>
        <translation>genau gleich ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matches the regex</source>
        <translation>auf den regulären Ausdruck passt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>starts with the hex bytes</source>
        <translation>mit den Hex-Bytes beginnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule pattern</source>
        <translation>Regelmuster</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reply with</source>
        <translation>Antworten mit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hex bytes</source>
        <translation>Hex-Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message itself (echo)</source>
        <translation>der Nachricht selbst (Echo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing, close the connection</source>
        <translation>nichts, Verbindung schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule reply</source>
        <translation>Antwort der Regel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escapes \n \r \t \xHH; \1 … \9: the regex&apos;s groups;
{{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}}</source>
        <translation>Escape-Sequenzen \n \r \t \xHH; \1 … \9: die Gruppen des regulären Ausdrucks;
{{counter}} {{time}} {{random:N}} {{hex:…}} {{file:PATH}}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>then c&amp;lose the connection</source>
        <translation>danach Verbindung sc&amp;hließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close after replying</source>
        <translation>Nach der Antwort schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply delay in milliseconds</source>
        <translation>Antwortverzögerung in Millisekunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;try the next rules too</source>
        <translation>auch die nächsten Regeln &amp;probieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue to the next rules</source>
        <translation>Mit den nächsten Regeln fortfahren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: the first rule that matches is the only one that answers.</source>
        <translation>Aus: Die erste passende Regel ist die einzige, die antwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule error</source>
        <translation>Regelfehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rule as a sockplay-cli option</source>
        <translation>Die Regel als Option für sockplay-cli</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save rule</source>
        <translation>Regel speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;When</source>
        <translation>&amp;Wenn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reply</source>
        <translation>&amp;Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delay</source>
        <translation>&amp;Verzögerung</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>e.g. ^PING (\d+)$</source>
        <translation>z. B. ^PING (\d+)$</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 02 00</source>
        <translation>z. B. 02 00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text, \n for a newline</source>
        <translation>Text, \n für einen Zeilenumbruch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. PONG \1\n</source>
        <translation>z. B. PONG \1\n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 06</source>
        <translation>z. B. 06</translation>
    </message>
</context>
<context>
    <name>SockPlay::RulesPanel</name>
    <message>
        <location filename="../ui/rulespanel.cpp" line="+32"/>
        <source>each read as it came (no framing)</source>
        <translation>jeder Lesevorgang, wie er kam (kein Framing)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line ends at LF (CR stripped)</source>
        <translation>eine Zeile endet bei LF (CR entfernt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line ends at LF (CR kept)</source>
        <translation>eine Zeile endet bei LF (CR bleibt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line ends at CR LF</source>
        <translation>eine Zeile endet bei CR LF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ends at these hex bytes</source>
        <translation>endet bei diesen Hex-Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every N bytes</source>
        <translation>alle N Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a length prefix: len:BYTES[be|le][+incl][@OFFSET]</source>
        <translation>ein Längenpräfix: len:BYTES[be|le][+incl][@OFFSET]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 framing and auto-reply</source>
        <translation>%1: Framing und Auto-Antwort</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>%1 framing</source>
        <translation>%1: Framing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How the received stream is cut into messages; the log shows each message.
Pick one, or type the CLI&apos;s --frame syntax, e.g. len:4le+incl@2 or delim:0d0a.</source>
        <translation>Wie der empfangene Datenstrom in Nachrichten zerlegt wird; das Log zeigt jede Nachricht.
Eines wählen oder die --frame-Syntax der CLI eingeben, z. B. len:4le+incl@2 oder delim:0d0a.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 framing meaning</source>
        <translation>%1: Bedeutung des Framings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 framing error</source>
        <translation>%1: Framing-Fehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 auto-reply rules</source>
        <translation>%1: Regeln für Auto-Antworten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tried in order on every message of every connection. Tick to switch a rule on;
drag, or Ctrl+Up/Ctrl+Down, to reorder; Enter edits; Delete removes.</source>
        <translation>Der Reihe nach auf jede Nachricht jeder Verbindung angewandt. Ankreuzen schaltet eine Regel ein;
Ziehen oder Strg+Hoch/Strg+Runter sortiert um; Eingabe bearbeitet; Entf entfernt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add &amp;rule…</source>
        <translation>&amp;Regel hinzufügen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add r&amp;ule…</source>
        <translation>Re&amp;gel hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 add rule</source>
        <translation>%1: Regel hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 edit rule</source>
        <translation>%1: Regel bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 remove rule</source>
        <translation>%1: Regel entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 move rule up</source>
        <translation>%1: Regel nach oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 move rule down</source>
        <translation>%1: Regel nach unten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Framing</source>
        <translation>&amp;Framing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Framin&amp;g</source>
        <translation>Framin&amp;g</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>UDP: every datagram is one message.</source>
        <translation>UDP: Jedes Datagramm ist eine Nachricht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket: every message arrives whole; no framing.</source>
        <translation>WebSocket: jede Nachricht kommt ganz an; keine Rahmung.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Each read is shown as it came: see TCP&apos;s stream cut anywhere.</source>
        <translation>Jeder Lesevorgang wird gezeigt, wie er kam: So sieht man, dass TCPs Datenstrom überall geteilt werden kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each message: %1. Over %2 bytes is an error.</source>
        <translation>Jede Nachricht: %1. Mehr als %2 Bytes ist ein Fehler.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Welcome to the server!\n</source>
        <translation>Willkommen auf dem Server!\n</translation>
    </message>
</context>
<context>
    <name>SockPlay::ScriptPanel</name>
    <message>
        <location filename="../ui/scriptpanel.cpp" line="+29"/>
        <source>SockPlay scripts (*.json);;All files (*)</source>
        <translation>SockPlay-Skripte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is a session file without a script: open it with File → Open session….</source>
        <translation>%1 ist eine Sitzungsdatei ohne Skript: mit Datei → Sitzung öffnen … öffnen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Script name</source>
        <translation>Skriptname</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a script file</source>
        <translation>Eine Skriptdatei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a script file (the format sockplay-cli run reads)</source>
        <translation>Eine Skriptdatei öffnen (das Format, das sockplay-cli run liest)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the script as a file</source>
        <translation>Das Skript als Datei speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the script, with the variables as set here, to a file</source>
        <translation>Das Skript mit den hier gesetzten Variablen in eine Datei schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+353"/>
        <source>Run (Ctrl+R)</source>
        <translation>Ausführen (Strg+R)</translation>
    </message>
    <message>
        <location line="-353"/>
        <location line="+354"/>
        <source>Run the script</source>
        <translation>Das Skript ausführen</translation>
    </message>
    <message>
        <location line="-353"/>
        <source>Play the steps against this window&apos;s session (Ctrl+R); Ctrl+. stops</source>
        <translation>Die Schritte gegen die Sitzung dieses Fensters abspielen (Strg+R); Strg+. stoppt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+356"/>
        <source>Record</source>
        <translation>Aufzeichnen</translation>
    </message>
    <message>
        <location line="-356"/>
        <location line="+357"/>
        <source>Record a script</source>
        <translation>Ein Skript aufzeichnen</translation>
    </message>
    <message>
        <location line="-356"/>
        <source>Record what you do in the panes; Stop recording turns it into a script</source>
        <translation>Aufzeichnen, was Sie in den Bereichen tun; Aufzeichnung beenden macht daraus ein Skript</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Script variables</source>
        <translation>Skriptvariablen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name and value of each variable; type to change a value.</source>
        <translation>Name und Wert jeder Variablen; zum Ändern eines Werts tippen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Variables following the server</source>
        <translation>Variablen, die dem Server folgen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Script steps</source>
        <translation>Skriptschritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each step with its status: Pending, Running, Passed, Failed or Skipped.</source>
        <translation>Jeder Schritt mit seinem Status: Ausstehend, Läuft, Bestanden, Fehlgeschlagen oder Übersprungen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step detail</source>
        <translation>Schrittdetail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run summary</source>
        <translation>Zusammenfassung des Laufs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recording notes</source>
        <translation>Hinweise zur Aufzeichnung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Script error</source>
        <translation>Skriptfehler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Variables</source>
        <translation>&amp;Variablen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ste&amp;ps</source>
        <translation>Sch&amp;ritte</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Run script</source>
        <translation>Skript ausführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop script</source>
        <translation>Skript stoppen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No script yet: open one, or record what you do in the panes.</source>
        <translation>Noch kein Skript: eines öffnen oder aufzeichnen, was Sie in den Bereichen tun.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Script: %1 (not saved)</source>
        <translation>Skript: %1 (nicht gespeichert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Script: %1 — %2</source>
        <translation>Skript: %1 – %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n step(s), not run yet.</source>
        <translation>
            <numerusform>%n Schritt, noch nicht ausgeführt.</numerusform>
            <numerusform>%n Schritte, noch nicht ausgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out while recording:</source>
        <translation>Bei der Aufzeichnung ausgelassen:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Open a script</source>
        <translation>Ein Skript öffnen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the script</source>
        <translation>Das Skript speichern</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Running step %1 of %2…</source>
        <translation>Schritt %1 von %2 läuft …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 passed</source>
        <translation>%1 bestanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 failed</source>
        <translation>, %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 skipped</source>
        <translation>, %1 übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 in %3 s</source>
        <translation>%1 %2 in %3 s</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Recording: start, connect, send in the panes, then Stop recording.</source>
        <translation>Aufzeichnung: in den Bereichen starten, verbinden, senden, dann Aufzeichnung beenden.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Step %1 %2: %3</source>
        <translation>Schritt %1 %2: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stop (Ctrl+.)</source>
        <translation>Stopp (Strg+.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the script</source>
        <translation>Das Skript stoppen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Stop recording</source>
        <translation>Aufzeichnung beenden</translation>
    </message>
</context>
<context>
    <name>SockPlay::ScriptStepsModel</name>
    <message>
        <location filename="../ui/scriptstepsmodel.cpp" line="+95"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 in %2 ms</source>
        <translation>%1 in %2 ms</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step %1, %2: %3</source>
        <translation>Schritt %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>SockPlay::ScriptVariablesTable</name>
    <message>
        <location filename="../ui/scriptvariablestable.cpp" line="+21"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Follows the window&apos;s server while it listens; type to set your own.</source>
        <translation>Folgt dem Server des Fensters, solange er lauscht; tippen, um einen eigenen Wert zu setzen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 follow the window&apos;s server (%2:%3) until you edit them.</source>
        <translation>%1 folgen dem Server des Fensters (%2:%3), bis Sie sie bearbeiten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation> und </translation>
    </message>
</context>
<context>
    <name>SockPlay::SequenceDiagram</name>
    <message>
        <location filename="../ui/sequencediagram.cpp" line="+31"/>
        <location filename="../ui/sequenceexport.cpp" line="+45"/>
        <source>Sequence diagram</source>
        <translation>Sequenzdiagramm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The conversation as a ladder: a lane per endpoint and connection, time going down</source>
        <translation>Das Gespräch als Leiter: eine Bahn pro Endpunkt und Verbindung, die Zeit läuft nach unten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out the time axis</source>
        <translation>Zeitachse verkleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in the time axis</source>
        <translation>Zeitachse vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+279"/>
        <source>Compress idle time</source>
        <translation>Leerlaufzeit stauchen</translation>
    </message>
    <message>
        <location line="-274"/>
        <location line="+269"/>
        <source>Export SVG…</source>
        <translation>SVG exportieren …</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Export the diagram as SVG</source>
        <translation>Das Diagramm als SVG exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+268"/>
        <source>Export PNG…</source>
        <translation>PNG exportieren …</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Export the diagram as PNG</source>
        <translation>Das Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <location line="+270"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../ui/sequenceexport.cpp" line="-6"/>
        <location line="+14"/>
        <location line="+23"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source>SockPlay: the conversation as a ladder, %n arrow(s)</source>
        <translation>
            <numerusform>SockPlay: das Gespräch als Leiter, %n Pfeil</numerusform>
            <numerusform>SockPlay: das Gespräch als Leiter, %n Pfeile</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write %1: the SVG generator refused it</source>
        <translation>%1 kann nicht geschrieben werden: der SVG-Generator hat abgelehnt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the diagram is too large for a PNG (%1 × %2 pixels); export SVG instead</source>
        <translation>das Diagramm ist zu groß für ein PNG (%1 × %2 Pixel); stattdessen SVG exportieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not enough memory for a %1 × %2 image</source>
        <translation>nicht genug Speicher für ein Bild von %1 × %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export sequence diagram as SVG</source>
        <translation>Sequenzdiagramm als SVG exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export sequence diagram as PNG</source>
        <translation>Sequenzdiagramm als PNG exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>SockPlay::SequenceRenderer</name>
    <message>
        <location filename="../ui/sequencerenderer.cpp" line="+228"/>
        <source>kernel</source>
        <translation>Kernel</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n earlier arrows not shown</source>
        <translation>
            <numerusform>%n früherer Pfeil nicht gezeigt</numerusform>
            <numerusform>%n frühere Pfeile nicht gezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n events not read (the log moved faster)</source>
        <translation>
            <numerusform>%n Ereignis nicht gelesen (das Log war schneller)</numerusform>
            <numerusform>%n Ereignisse nicht gelesen (das Log war schneller)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>⋯ %1 idle</source>
        <translation>⋯ %1 Leerlauf</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>SockPlay::SerialOptionsPanel</name>
    <message>
        <location filename="../ui/serialoptionspanel.cpp" line="+18"/>
        <source>Serial port</source>
        <translation>Serielle Schnittstelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 serial port settings</source>
        <translation>%1 Einstellungen der seriellen Schnittstelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>serial device</source>
        <translation>serielles Gerät</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 serial device</source>
        <translation>%1 serielles Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a device, e.g. /dev/ttyUSB0</source>
        <translation>ein Gerät, z. B. /dev/ttyUSB0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The serial ports this machine lists, or a device typed by its path (a pseudo-terminal such as /dev/pts/3 is not listed)</source>
        <translation>Die seriellen Schnittstellen, die dieser Rechner auflistet, oder ein per Pfad eingegebenes Gerät (ein Pseudoterminal wie /dev/pts/3 wird nicht aufgelistet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 refresh the serial ports</source>
        <translation>%1 serielle Schnittstellen neu einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the serial ports again (a USB adapter appears once plugged in)</source>
        <translation>Serielle Schnittstellen neu auflisten (ein USB-Adapter erscheint, sobald er eingesteckt ist)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>serial speed</source>
        <translation>serielle Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 serial speed</source>
        <translation>%1 serielle Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bits per second: both ends must agree; another rate can be typed</source>
        <translation>Bits pro Sekunde: Beide Enden müssen übereinstimmen; eine andere Rate kann eingegeben werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serial data bits</source>
        <translation>serielle Datenbits</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>serial parity</source>
        <translation>serielle Parität</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Even</source>
        <translation>Gerade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Odd</source>
        <translation>Ungerade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark</source>
        <translation>Mark</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serial stop bits</source>
        <translation>serielle Stoppbits</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>serial flow control</source>
        <translation>serielle Flusssteuerung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hardware (RTS/CTS)</source>
        <translation>Hardware (RTS/CTS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Software (XON/XOFF)</source>
        <translation>Software (XON/XOFF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DTR</source>
        <translation>DTR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 DTR line</source>
        <translation>%1 DTR-Leitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data Terminal Ready: many devices take it as &quot;a program is listening&quot; (an Arduino resets as it rises). Changes at once while the port is open.</source>
        <translation>Data Terminal Ready: Viele Geräte verstehen es als &quot;ein Programm hört zu&quot; (ein Arduino startet neu, wenn es steigt). Ändert sich sofort, solange die Schnittstelle offen ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTS</source>
        <translation>RTS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 RTS line</source>
        <translation>%1 RTS-Leitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request To Send: under hardware flow control the driver drives it. Changes at once while the port is open.</source>
        <translation>Request To Send: Bei Hardware-Flusssteuerung setzt der Treiber es. Ändert sich sofort, solange die Schnittstelle offen ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data bits</source>
        <translation>Datenbits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parity</source>
        <translation>Parität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop bits</source>
        <translation>Stoppbits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flow control</source>
        <translation>Flusssteuerung</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Serial port: name a device first (pick one, or type a path such as /dev/ttyUSB0).</source>
        <translation>Serielle Schnittstelle: Zuerst ein Gerät angeben (eines wählen oder einen Pfad wie /dev/ttyUSB0 eingeben).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serial port: the speed “%1”: %2</source>
        <translation>Serielle Schnittstelle: die Geschwindigkeit „%1“: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial port: %1</source>
        <translation>Serielle Schnittstelle: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::ServerPane</name>
    <message>
        <location filename="../ui/serverpane.cpp" line="+53"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server transport</source>
        <translation>Server-Transport</translation>
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
        <translation type="vanished">TCP: Verbindungen und ein Bytestrom.
UDP: einzelne Datagramme, keine Verbindung.</translation>
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
        <translation type="vanished">TCP: Verbindungen und ein Bytestrom.
UDP: einzelne Datagramme, keine Verbindung.
TLS: ein TCP-Strom, nach einem Handshake verschlüsselt.
WebSocket: Nachrichten über eine per HTTP-Upgrade übernommene TCP-Verbindung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <source>TCP: connections and a byte stream.
UDP: single datagrams, no connection.
TLS: a TCP stream, encrypted after a handshake.
WebSocket: messages over an HTTP-upgraded TCP connection.
Relay: forwards each client to a target, logging both directions.</source>
        <translation type="vanished">TCP: Verbindungen und ein Bytestrom.
UDP: einzelne Datagramme, keine Verbindung.
TLS: ein TCP-Strom, nach einem Handshake verschlüsselt.
WebSocket: Nachrichten über eine per HTTP-Upgrade übernommene TCP-Verbindung.
Relay: leitet jeden Client an ein Ziel weiter und protokolliert beide Richtungen.</translation>
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
        <translation>TCP: Verbindungen und ein Bytestrom.
UDP: einzelne Datagramme, keine Verbindung.
TLS: ein TCP-Strom, nach einem Handshake verschlüsselt.
WebSocket: Nachrichten über eine per HTTP-Upgrade übernommene TCP-Verbindung.
Relay: leitet jeden Client an ein Ziel weiter und protokolliert beide Richtungen.
DTLS: UDP-Datagramme, nach einem Handshake mit jedem Client verschlüsselt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Server max clients</source>
        <translation>Server: höchstens so viele Clients</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TCP clients served at once; one more is turned away, and the log says why.</source>
        <translation>Gleichzeitig bediente TCP-Clients; einer mehr wird abgewiesen, und das Log sagt, warum.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Server address</source>
        <translation>Server-Adresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (this machine only)</source>
        <translation>%1 (nur dieser Rechner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (this machine only, IPv6)</source>
        <translation>%1 (nur dieser Rechner, IPv6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (all IPv4 interfaces)</source>
        <translation>%1 (alle IPv4-Schnittstellen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (all interfaces, IPv6 and IPv4)</source>
        <translation>%1 (alle Schnittstellen, IPv6 und IPv4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local address to listen on.
127.0.0.1 and ::1 accept this machine only;
0.0.0.0 and :: accept connections from the network.</source>
        <translation>Die lokale Adresse, auf der gelauscht wird.
127.0.0.1 und ::1 nehmen nur diesen Rechner an;
0.0.0.0 und :: nehmen Verbindungen aus dem Netzwerk an.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server port</source>
        <translation>Server-Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The local port; 0 lets the system pick a free one.</source>
        <translation>Der lokale Port; bei 0 wählt das System einen freien.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ec&amp;ho received bytes back</source>
        <translation>Empfangene Bytes als Ec&amp;ho zurücksenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server echo</source>
        <translation>Server-Echo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send every chunk the server receives straight back to its sender.</source>
        <translation>Jedes Stück, das der Server empfängt, sofort an seinen Absender zurücksenden.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server connections</source>
        <translation>Server-Verbindungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Framing for this connection…</source>
        <translation>Framing für diese Verbindung …</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Se&amp;nd to selected</source>
        <translation>An Ausgewählte se&amp;nden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to &amp;all</source>
        <translation>An &amp;alle senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server send to all</source>
        <translation>Server sendet an alle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ma&amp;x clients</source>
        <translation>Ma&amp;x. Clients</translation>
    </message>
    <message>
        <location line="+203"/>
        <location line="+20"/>
        <source>Cannot send: the server is not started — press Start first.</source>
        <translation>Senden nicht möglich: Der Server ist nicht gestartet – zuerst Starten drücken.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Cannot send: no client is connected yet — connect the client first.</source>
        <translation>Senden nicht möglich: Noch kein Client ist verbunden – zuerst den Client verbinden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot send: no peer has sent a datagram yet, so there is nobody to answer.</source>
        <translation>Senden nicht möglich: Noch keine Gegenstelle hat ein Datagramm gesendet, also gibt es niemanden zum Antworten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot send: select a connection in the table first (or use Send to all).</source>
        <translation>Senden nicht möglich: zuerst eine Verbindung in der Tabelle auswählen (oder An alle senden verwenden).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Framing for connection #%1</source>
        <translation>Framing für Verbindung #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How this connection&apos;s stream is cut into messages
(raw, line, line+cr, crlf, delim:HEX, fixed:N, len:BYTES[be|le][+incl][@OFFSET]):</source>
        <translation>Wie der Datenstrom dieser Verbindung in Nachrichten zerlegt wird
(raw, line, line+cr, crlf, delim:HEX, fixed:N, len:BYTES[be|le][+incl][@OFFSET]):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Framing for connection #%1 not changed: %2</source>
        <translation>Framing für Verbindung #%1 nicht geändert: %2</translation>
    </message>
    <message>
        <location filename="../ui/serverpanestate.cpp" line="+58"/>
        <source>S&amp;top</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop server</source>
        <translation>Server stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start server</source>
        <translation>Server starten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kick selected</source>
        <translation>Ausgewählte &amp;rauswerfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Forget selected</source>
        <translation>Ausgewählte &amp;vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect selected connection</source>
        <translation>Ausgewählte Verbindung trennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget selected peer</source>
        <translation>Ausgewählte Gegenstelle vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the selected connection from the server side</source>
        <translation>Die ausgewählte Verbindung von der Serverseite schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP has nothing to close: forget the peer</source>
        <translation>UDP hat nichts zu schließen: die Gegenstelle vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peers seen</source>
        <translation>Gesehene Gegenstellen</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>stopped — press Start to listen</source>
        <translation>gestoppt – Starten drücken, um zu lauschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped — press Start to bind</source>
        <translation>gestoppt – Starten drücken, um zu binden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>listening on %1 — %2</source>
        <translation>lauscht auf %1 – %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 client</source>
        <translation>1 Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 clients</source>
        <translation>%1 Clients</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bound to %1 — %2 peers, the most remembered: the oldest is forgotten for each new one</source>
        <translation>gebunden an %1 – %2 Gegenstellen, das Maximum: für jede neue wird die älteste vergessen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bound to %1 — %2</source>
        <translation>gebunden an %1 – %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 peer seen</source>
        <translation>1 Gegenstelle gesehen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 peers seen</source>
        <translation>%1 Gegenstellen gesehen</translation>
    </message>
</context>
<context>
    <name>SockPlay::SimLinkPanel</name>
    <message>
        <location filename="../ui/simlinkpanel.cpp" line="+25"/>
        <source>Simulated link (not a real network)</source>
        <translation>Simulierte Strecke (kein echtes Netzwerk)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 simulated link settings</source>
        <translation>%1: Einstellungen der simulierten Strecke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this UDP endpoint lose, duplicate and delay datagrams on purpose, with a seed so that it behaves the same each time. Nothing leaves the machine differently: SockPlay itself drops or holds the datagrams.</source>
        <translation>Diesen UDP-Endpunkt absichtlich Datagramme verlieren, verdoppeln und verzögern lassen, mit einem Startwert, damit er sich jedes Mal gleich verhält. Nichts verlässt den Rechner anders: SockPlay selbst verwirft oder hält die Datagramme zurück.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>SIMULATED LINK</source>
        <translation>SIMULIERTE STRECKE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 simulated loss percent</source>
        <translation>%1: simulierter Verlust in Prozent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datagrams dropped, in percent; each drop is logged as &quot;dropped by the simulated link&quot;</source>
        <translation>Verworfene Datagramme in Prozent; jedes Verwerfen wird als „von der simulierten Strecke verworfen“ protokolliert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 simulated duplicates percent</source>
        <translation>%1: simulierte Duplikate in Prozent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datagrams delivered twice, in percent (of those not dropped)</source>
        <translation>Doppelt zugestellte Datagramme in Prozent (der nicht verworfenen)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 simulated delay milliseconds</source>
        <translation>%1: simulierte Verzögerung in Millisekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each datagram is held this long before it goes on</source>
        <translation>Jedes Datagramm wird so lange zurückgehalten, bevor es weitergeht</translation>
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
        <translation>%1: simulierter Jitter in Millisekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plus or minus up to this, at random, so that datagrams overtake each other (at most the delay)</source>
        <translation>Zufällig bis zu so viel mehr oder weniger, sodass Datagramme einander überholen (höchstens die Verzögerung)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 simulated link seed</source>
        <translation>%1: Startwert der simulierten Strecke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same seed gives the same drops, duplicates and delays each time; random: a new one at each start, shown in the log</source>
        <translation>Derselbe Startwert ergibt jedes Mal dieselben Verluste, Duplikate und Verzögerungen; zufällig: bei jedem Start ein neuer, im Log angezeigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 simulated link applies to</source>
        <translation>%1: simulierte Strecke wirkt auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on send</source>
        <translation>beim Senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on receive</source>
        <translation>beim Empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act on the datagrams this endpoint sends, or on those it receives</source>
        <translation>Auf die Datagramme wirken, die dieser Endpunkt sendet, oder auf die, die er empfängt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Loss</source>
        <translation>&amp;Verlust</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uplicates</source>
        <translation>D&amp;uplikate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dela&amp;y</source>
        <translation>Verzö&amp;gerung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Acts</source>
        <extracomment>Before the combo box &quot;on send&quot; / &quot;on receive&quot;: &quot;Acts on send&quot;.</extracomment>
        <translation>Wirkt</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>no simulated link</source>
        <translation>keine simulierte Strecke</translation>
    </message>
</context>
<context>
    <name>SockPlay::TcpClientEndpoint</name>
    <message>
        <location filename="../core/tcpclientendpoint.cpp" line="+54"/>
        <source>no host given — type a name or an address such as 127.0.0.1</source>
        <translation>kein Host angegeben – einen Namen oder eine Adresse wie 127.0.0.1 eingeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port 0 cannot be connected to — use the server&apos;s port (1–65535)</source>
        <translation>mit Port 0 kann man sich nicht verbinden – den Port des Servers verwenden (1–65535)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>start the client first: it needs a host and a port</source>
        <translation>zuerst den Client starten: Er braucht einen Host und einen Port</translation>
    </message>
</context>
<context>
    <name>SockPlay::TcpServerEndpoint</name>
    <message>
        <location filename="../core/tcpserverendpoint.cpp" line="+101"/>
        <source>“%1” is not an address to listen on — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>„%1“ ist keine Adresse zum Lauschen – 127.0.0.1, ::1, 0.0.0.0 oder :: verwenden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot listen on %1: %2</source>
        <translation>kann nicht auf %1 lauschen: %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::TlsClientEndpoint</name>
    <message>
        <location filename="../core/tlsclientendpoint.cpp" line="+27"/>
        <source>cannot start the TLS client: %1</source>
        <translation>TLS-Client kann nicht starten: %1</translation>
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
        <translation>%1 TLS-Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 TLS certificate</source>
        <translation>%1 TLS-Zertifikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Self-signed, made at Start</source>
        <translation>Selbst signiert, beim Start erzeugt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the server proves itself with. Self-signed: a certificate for the listening address, made at Start (EC P-256, 30 days); clients must trust it or not verify.</source>
        <translation>Womit sich der Server ausweist. Selbst signiert: ein Zertifikat für die Lauschadresse, beim Start erzeugt (EC P-256, 30 Tage); Clients müssen ihm vertrauen oder nicht prüfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No client certificate</source>
        <translation>Kein Client-Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A certificate to present, for servers that ask clients for one.</source>
        <translation>Ein Zertifikat, das vorgelegt wird, für Server, die Clients danach fragen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM certificate and key files</source>
        <translation>PEM-Zertifikat- und Schlüsseldatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKCS#12 file (.p12, .pfx)</source>
        <translation>PKCS#12-Datei (.p12, .pfx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate file</source>
        <translation>Zertifikatdatei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 TLS certificate file</source>
        <translation>%1 TLS-Zertifikatdatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 TLS private key file</source>
        <translation>%1 TLS-Schlüsseldatei (privat)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCS#12 file</source>
        <translation>PKCS#12-Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 TLS PKCS#12 file</source>
        <translation>%1 TLS-PKCS#12-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12-Dateien (*.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 TLS passphrase</source>
        <translation>%1 TLS-Passphrase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The passphrase of the PKCS#12 file or of an encrypted key</source>
        <translation>Die Passphrase der PKCS#12-Datei oder eines verschlüsselten Schlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ask clients for a certificate, refuse those without a valid one</source>
        <translation>Clients nach einem Zertifikat fragen, solche ohne gültiges abweisen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify the server&apos;s certificate</source>
        <translation>Zertifikat des Servers &amp;prüfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 TLS verify clients</source>
        <translation>%1 TLS Clients prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 TLS verify server</source>
        <translation>%1 TLS Server prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mutual TLS: each client must present a certificate the CA below (or the system&apos;s CAs) vouches for.</source>
        <translation>Gegenseitiges TLS: Jeder Client muss ein Zertifikat vorlegen, für das die CA unten (oder die CAs des Systems) bürgt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the server&apos;s chain and name. Off: each problem is still logged, as a note, and the connection goes on (a self-signed server fails verification unless its certificate is the CA).</source>
        <translation>Kette und Namen des Servers prüfen. Aus: Jedes Problem wird trotzdem als Notiz protokolliert, und die Verbindung geht weiter (ein selbst signierter Server besteht die Prüfung nur, wenn sein Zertifikat die CA ist).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trusted CA</source>
        <translation>Vertraute CA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 TLS trusted CA file</source>
        <translation>%1 TLS-Datei der vertrauten CA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system&apos;s CAs</source>
        <translation>die CAs des Systems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates that vouch for client certificates</source>
        <translation>PEM-Zertifikate, die für Client-Zertifikate bürgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates to trust instead of the system&apos;s: the server&apos;s CA, or its self-signed certificate</source>
        <translation>PEM-Zertifikate, denen statt denen des Systems vertraut wird: die CA des Servers oder sein selbst signiertes Zertifikat</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 TLS server name (SNI)</source>
        <translation>%1 TLS-Servername (SNI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host</source>
        <translation>der Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name sent in the handshake (SNI) and looked for in the certificate</source>
        <translation>Der Name, der im Handshake gesendet (SNI) und im Zertifikat gesucht wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server name (SNI)</source>
        <translation>Servername (SNI)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 TLS ALPN protocols</source>
        <translation>%1 TLS-ALPN-Protokolle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Application protocols accepted (ALPN), in order of preference</source>
        <translation>Angenommene Anwendungsprotokolle (ALPN), nach Vorzug geordnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application protocols offered (ALPN), in order of preference; the log says which one the server chose</source>
        <translation>Angebotene Anwendungsprotokolle (ALPN), nach Vorzug geordnet; das Protokoll zeigt, welches der Server wählte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose %1</source>
        <translation>%1 wählen</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>TLS: choose the certificate file (PEM), or another kind of certificate.</source>
        <translation>TLS: Zertifikatdatei (PEM) wählen oder eine andere Art von Zertifikat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: choose the certificate&apos;s key file (PEM).</source>
        <translation>TLS: Schlüsseldatei (PEM) des Zertifikats wählen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: choose the PKCS#12 file, or another kind of certificate.</source>
        <translation>TLS: PKCS#12-Datei wählen oder eine andere Art von Zertifikat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: the ALPN list is not valid: %1</source>
        <translation>TLS: Die ALPN-Liste ist ungültig: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::TlsServerEndpoint</name>
    <message>
        <location filename="../core/tlsserverendpoint.cpp" line="+27"/>
        <source>cannot start the TLS server: %1</source>
        <translation>TLS-Server kann nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>SockPlay::UdpEndpoint</name>
    <message>
        <location filename="../core/udpendpoint.cpp" line="+133"/>
        <source>“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>„%1“ ist keine Adresse zum Binden – 127.0.0.1, ::1, 0.0.0.0 oder :: verwenden</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../core/udpendpointsend.cpp" line="+67"/>
        <source>port 0 cannot be sent to — use the receiver&apos;s port (1–65535)</source>
        <translation>an Port 0 kann nicht gesendet werden – den Port des Empfängers verwenden (1–65535)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>simulated link: %1</source>
        <translation>simulierte Strecke: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot bind %1: %2</source>
        <translation>kann %1 nicht binden: %2</translation>
    </message>
    <message>
        <location filename="../core/udpendpointsend.cpp" line="-21"/>
        <location line="+19"/>
        <location line="+29"/>
        <source>the UDP socket is not open</source>
        <translation>der UDP-Socket ist nicht offen</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>cannot send to %1: %2</source>
        <translation>kann nicht an %1 senden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no host given — type a name or an address such as 127.0.0.1</source>
        <translation>kein Host angegeben – einen Namen oder eine Adresse wie 127.0.0.1 eingeben</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>nobody has sent a datagram yet</source>
        <translation>noch niemand hat ein Datagramm gesendet</translation>
    </message>
</context>
<context>
    <name>SockPlay::UdpRelayEndpoint</name>
    <message>
        <location filename="../core/udprelayendpoint.cpp" line="+54"/>
        <source>cannot start the relay: %1</source>
        <translation>das Relay kann nicht starten: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>simulated link: %1</source>
        <translation>simulierte Strecke: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an address to bind to — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>„%1“ ist keine Adresse zum Binden – 127.0.0.1, ::1, 0.0.0.0 oder :: verwenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot bind %1: %2</source>
        <translation>kann %1 nicht binden: %2</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>no client has sent a datagram yet</source>
        <translation>noch hat kein Client ein Datagramm gesendet</translation>
    </message>
</context>
<context>
    <name>SockPlay::WebSocketClientEndpoint</name>
    <message>
        <location filename="../core/websocketclientendpoint.cpp" line="+36"/>
        <source>no host given — type a name or an address such as 127.0.0.1</source>
        <translation>kein Host angegeben – einen Namen oder eine Adresse wie 127.0.0.1 eingeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port 0 cannot be connected to — use the server&apos;s port (1–65535)</source>
        <translation>mit Port 0 kann man sich nicht verbinden – den Port des Servers verwenden (1–65535)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the path “%1” must start with /</source>
        <translation>der Pfad „%1“ muss mit / beginnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot start the wss:// client: %1</source>
        <translation>der wss://-Client kann nicht starten: %1</translation>
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
        <translation>%1 WebSocket-Einstellungen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 WebSocket path</source>
        <translation>%1 WebSocket-Pfad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The path the server answers; an upgrade request for another gets 404</source>
        <translation>Der Pfad, den der Server beantwortet; eine Upgrade-Anfrage für einen anderen bekommt 404</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The path (and query) of the URL the client opens</source>
        <translation>Pfad (und Query) der URL, die der Client öffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 WebSocket URL</source>
        <translation>%1 WebSocket-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>wss:// (WebSocket over TLS)</source>
        <translation>wss:// (WebSocket über TLS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 WebSocket over TLS</source>
        <translation>%1 WebSocket über TLS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each client&apos;s TLS handshake comes before its upgrade; the certificate is chosen in the TLS settings</source>
        <translation>Der TLS-Handshake jedes Clients kommt vor seinem Upgrade; das Zertifikat wird in den TLS-Einstellungen gewählt</translation>
    </message>
    <message>
        <source>Go on despite certificate errors</source>
        <translation type="vanished">Trotz Zertifikatfehlern fortfahren</translation>
    </message>
    <message>
        <source>%1 WebSocket ignore certificate errors</source>
        <translation type="vanished">%1 WebSocket Zertifikatfehler ignorieren</translation>
    </message>
    <message>
        <source>wss://: each certificate problem is still logged, as a note</source>
        <translation type="vanished">wss://: Jedes Zertifikatproblem wird trotzdem als Notiz protokolliert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS handshake comes before the upgrade; whom to trust, verification, SNI, ALPN and a client certificate are chosen in the TLS settings</source>
        <translation>Der TLS-Handshake kommt vor dem Upgrade; wem vertraut wird, die Prüfung, SNI, ALPN und ein Client-Zertifikat werden in den TLS-Einstellungen gewählt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 WebSocket subprotocols</source>
        <translation>%1 WebSocket-Unterprotokolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none (e.g. chat, superchat)</source>
        <translation>keine (z. B. chat, superchat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subprotocols the server accepts; the first one the client offers is chosen</source>
        <translation>Unterprotokolle, die der Server annimmt; das erste, das der Client anbietet, wird gewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subprotocols offered, in order of preference; the log says which one the server chose</source>
        <translation>Angebotene Unterprotokolle, nach Vorzug geordnet; das Protokoll zeigt, welches der Server wählte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subprotocols</source>
        <translation>Unterprotokolle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 WebSocket request headers</source>
        <translation>%1 WebSocket-Anfrage-Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name: value, one per line</source>
        <translation>Name: Wert, einer pro Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra headers of the HTTP upgrade request (Authorization, Cookie, …)</source>
        <translation>Zusätzliche Header der HTTP-Upgrade-Anfrage (Authorization, Cookie, …)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send &amp;binary messages (not text)</source>
        <translation>&amp;Binäre Nachrichten senden (kein Text)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 WebSocket binary messages</source>
        <translation>%1 WebSocket binäre Nachrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this side&apos;s sends are: binary messages, or text messages (UTF-8; bytes that are not UTF-8 go as binary, and the log says so). Replies keep the kind of the message they answer.</source>
        <translation>Was diese Seite sendet: binäre Nachrichten oder Textnachrichten (UTF-8; Bytes, die kein UTF-8 sind, gehen binär, und das Protokoll sagt es). Antworten behalten die Art der Nachricht, auf die sie antworten.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>WebSocket: the path “%1” must start with /.</source>
        <translation>WebSocket: Der Pfad „%1“ muss mit / beginnen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WebSocket: the header “%1” is not valid: %2</source>
        <translation>WebSocket: Der Header „%1“ ist ungültig: %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::WebSocketServerEndpoint</name>
    <message>
        <location filename="../core/websocketserverendpoint.cpp" line="+71"/>
        <source>“%1” is not an address to listen on — use 127.0.0.1, ::1, 0.0.0.0 or ::</source>
        <translation>„%1“ ist keine Adresse zum Lauschen – 127.0.0.1, ::1, 0.0.0.0 oder :: verwenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the path “%1” must start with /</source>
        <translation>der Pfad „%1“ muss mit / beginnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot start the wss:// server: %1</source>
        <translation>der wss://-Server kann nicht starten: %1</translation>
    </message>
    <message>
        <source>wss:// servers need TLS, which is not available yet: use ws://</source>
        <translation type="vanished">wss://-Server brauchen TLS, das es hier noch nicht gibt: ws:// verwenden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot listen on %1: %2</source>
        <translation>kann nicht auf %1 lauschen: %2</translation>
    </message>
</context>
<context>
    <name>SockPlay::Workspace</name>
    <message>
        <location filename="../ui/workspace.cpp" line="+30"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server tabs</source>
        <translation>Server-Reiter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client tabs</source>
        <translation>Client-Reiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No server — Endpoints → New server (Ctrl+Shift+N)</source>
        <translation>Kein Server – Endpunkte → Neuer Server (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No client — Endpoints → New client (Ctrl+Shift+K)</source>
        <translation>Kein Client – Endpunkte → Neuer Client (Strg+Umschalt+K)</translation>
    </message>
    <message>
        <location line="+95"/>
        <location line="+15"/>
        <source>%1 — F2 or a double click renames it, Ctrl+W closes it</source>
        <translation>%1 – F2 oder ein Doppelklick benennt um, Strg+W schließt</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Close %1</source>
        <translation>%1 schließen</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>A name cannot be empty: type one, such as “Alice”.</source>
        <translation>Ein Name darf nicht leer sein: einen eingeben, etwa „Alice“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is taken: every endpoint needs a name of its own.</source>
        <translation>„%1“ ist vergeben: Jeder Endpunkt braucht einen eigenen Namen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+28"/>
        <source>SockPlay: a socket playground.</source>
        <translation>SockPlay: ein Spielplatz für Sockets.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A session file to open (saved by File &gt; Save session).</source>
        <translation>Eine Sitzungsdatei zum Öffnen (gespeichert mit Datei &gt; Sitzung speichern).</translation>
    </message>
</context>
</TS>

#include "lifecycleflow.h"

#include <QCoreApplication>

namespace SockPlay {

using Call = LifecycleStep::Call;

namespace {

// The texts a student reads under each call: what the kernel does there.
// One translation context for the whole file (lupdate reads the macro's
// argument; LifecycleStep and LifecycleBranch are not QObjects).
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(SockPlay::LifecycleFlow)
};

QString callName(LifecycleFlow::Kind kind, Call call, LifecycleFlow::Layer layer)
{
    using Layer = LifecycleFlow::Layer;
    const bool client = kind == LifecycleFlow::Kind::TcpClient || kind == LifecycleFlow::Kind::DtlsClient;
    const bool dtls = kind == LifecycleFlow::Kind::DtlsServer || kind == LifecycleFlow::Kind::DtlsClient;
    switch (call) {
    case Call::Lookup: return QStringLiteral("getaddrinfo()");
    case Call::Socket: return QStringLiteral("socket()");
    case Call::Bind: return QStringLiteral("bind()");
    case Call::Listen: return QStringLiteral("listen()");
    case Call::Accept: return QStringLiteral("accept()");
    case Call::Connect: return QStringLiteral("connect()");
    case Call::Cookie: return client ? QStringLiteral("HelloVerifyRequest") : QStringLiteral("DTLSv1_listen()");
    case Call::Handshake: return client ? QStringLiteral("SSL_connect()") : QStringLiteral("SSL_accept()");
    case Call::Upgrade: return QStringLiteral("HTTP upgrade (101)");
    case Call::Exchange:
        if (layer == Layer::Tls)
            return client ? QStringLiteral("SSL_write()/SSL_read()") : QStringLiteral("SSL_read()/SSL_write()");
        if (layer == Layer::WebSocket || layer == Layer::SecureWebSocket)
            return client ? QStringLiteral("send/receive messages") : QStringLiteral("receive/send messages");
        if (kind == LifecycleFlow::Kind::Serial)
            return QStringLiteral("write()/read()");
        return client ? QStringLiteral("send()/recv()") : QStringLiteral("recv()/send()");
    case Call::Datagrams:
        if (dtls)
            return client ? QStringLiteral("SSL_write()/SSL_read()") : QStringLiteral("SSL_read()/SSL_write()");
        return QStringLiteral("sendto()/recvfrom()");
    case Call::Shutdown: return QStringLiteral("shutdown(SHUT_WR)");
    case Call::Close: return QStringLiteral("close()");
    case Call::Open: return QStringLiteral("open()");
    case Call::Configure: return QStringLiteral("tcsetattr()");
    }
    return {};
}

QString sentence(LifecycleFlow::Kind kind, Call call, bool branch, LifecycleFlow::Layer layer)
{
    using Kind = LifecycleFlow::Kind;
    using Layer = LifecycleFlow::Layer;
    const bool messages = layer == Layer::WebSocket || layer == Layer::SecureWebSocket;
    const bool dtls = kind == Kind::DtlsServer || kind == Kind::DtlsClient;
    switch (call) {
    case Call::Lookup:
        return Texts::tr("the name is looked up first: socket() needs the address family it finds");
    case Call::Socket:
        if (dtls)
            return Texts::tr("a UDP socket exists: DTLS will make an association over it");
        if (kind == Kind::Udp)
            return Texts::tr("a UDP socket exists: it will never have a connection");
        if (kind == Kind::TcpClient)
            return Texts::tr("a TCP socket exists, for the address family of the peer");
        return Texts::tr("a TCP socket exists, not yet tied to an address");
    case Call::Bind:
        if (kind == Kind::Udp || kind == Kind::DtlsServer)
            return Texts::tr("the socket owns a local port: datagrams sent to it arrive here");
        return Texts::tr("the socket now owns a local address and port");
    case Call::Listen:
        return Texts::tr("the kernel now completes handshakes for us and queues them");
    case Call::Accept:
        return branch ? Texts::tr("a new socket for this client; the listening socket keeps listening")
                      : Texts::tr("takes the next finished handshake from the queue: one new socket per client");
    case Call::Connect:
        if (kind == Kind::DtlsClient)
            return Texts::tr("connect() on UDP only fixes the peer: nothing is sent, the kernel picks our port");
        return Texts::tr("SYN sent; the kernel does the handshake (SYN, SYN-ACK, ACK) and returns when it is done");
    case Call::Cookie:
        if (kind == Kind::DtlsClient)
            return Texts::tr("the server answers the first ClientHello with a cookie; the ClientHello goes again "
                             "with it, proving our address");
        return branch ? Texts::tr("this client echoed its cookie: its address is proven, and it gets a DTLS "
                                  "state of its own on the server's one socket")
                      : Texts::tr("a ClientHello without a valid cookie gets one back (HelloVerifyRequest) and costs "
                                  "no memory; a client that echoes it has proven its address");
    case Call::Handshake:
        if (dtls)
            return Texts::tr("the DTLS handshake: certificates, keys agreed, each flight sent again if lost; "
                             "from here on every datagram is encrypted");
        return Texts::tr("the TLS handshake: hello messages, the server's certificate, keys agreed; "
                         "from here on every byte is encrypted");
    case Call::Upgrade:
        return Texts::tr("an HTTP request asks to switch to WebSocket, the answer is 101 Switching Protocols; "
                         "from here on the bytes are WebSocket frames");
    case Call::Exchange:
        if (kind == Kind::Serial)
            return Texts::tr("bytes flow both ways at the line's speed, as one stream: no addresses, no message "
                             "boundaries");
        if (messages)
            return Texts::tr("messages flow both ways, each one whole: the frames keep their boundaries");
        if (layer == Layer::Tls)
            return Texts::tr("bytes flow both ways as one encrypted stream: no message boundaries");
        return Texts::tr("bytes flow both ways as one stream: no message boundaries");
    case Call::Datagrams:
        if (dtls)
            return Texts::tr("each datagram is one encrypted record: boundaries kept, none acknowledged");
        return Texts::tr("each datagram travels alone, to or from any address; none is acknowledged");
    case Call::Shutdown:
        return Texts::tr("FIN sent: we are done sending, and still receiving");
    case Call::Open:
        return Texts::tr("the device file is opened: the program holds the port now, no other program should");
    case Call::Configure:
        return Texts::tr("the line is set up: speed, bits per character, parity, stop bits, flow control, "
                         "and the DTR and RTS lines");
    case Call::Close:
        if (dtls && branch)
            return Texts::tr("close_notify tells the client its association is over; the server's socket stays, "
                             "for the others");
        if (dtls)
            return Texts::tr("close_notify tells the peer the association is over; the socket is released");
        if (kind == Kind::Serial)
            return Texts::tr("the device is released: the driver usually lowers DTR, which many devices take as "
                             "a hang-up");
        if (kind == Kind::TcpServer && !branch)
            return Texts::tr("the listening socket is closed: no new clients");
        if (kind == Kind::Udp)
            return Texts::tr("the socket and its port are released");
        return Texts::tr("the connection ends: FIN sent, the kernel finishes the goodbye");
    }
    return {};
}

} // namespace

QString LifecycleStep::text() const
{
    if (state == State::Failed)
        return name + QStringLiteral(": ") + error;
    return name + QStringLiteral(": ") + sentence;
}

QString LifecycleStep::stateName(State state)
{
    switch (state) {
    case State::NotYet: return Texts::tr("not yet");
    case State::Done: return Texts::tr("done");
    case State::Current: return Texts::tr("current");
    case State::Failed: return Texts::tr("failed");
    }
    return {};
}

int LifecycleBranch::indexOf(Call call) const
{
    for (int i = 0; i < steps.size(); ++i)
        if (steps.at(i).call == call)
            return i;
    return -1;
}

QString LifecycleBranch::endingName(Ending ending)
{
    switch (ending) {
    case Ending::Open: return {};
    case Ending::ClosedByUs: return Texts::tr("closed by us");
    case Ending::ClosedByPeer: return Texts::tr("closed by the peer");
    case Ending::Reset: return Texts::tr("reset");
    case Ending::Failed: return Texts::tr("failed");
    }
    return {};
}

int LifecycleFlow::indexOf(Call call) const
{
    for (int i = 0; i < steps.size(); ++i)
        if (steps.at(i).call == call)
            return i;
    return -1;
}

int LifecycleFlow::currentIndex() const
{
    int failed = -1;
    for (int i = 0; i < steps.size(); ++i) {
        if (steps.at(i).state == LifecycleStep::State::Current)
            return i;
        if (steps.at(i).state == LifecycleStep::State::Failed)
            failed = i;
    }
    return failed;
}

const LifecycleBranch *LifecycleFlow::branch(int connectionId) const
{
    for (const LifecycleBranch &b : branches)
        if (b.connectionId == connectionId)
            return &b;
    return nullptr;
}

QString LifecycleFlow::title() const
{
    const bool server = kind == Kind::TcpServer;
    if (relay && kind == Kind::Udp)
        return Texts::tr("Relay (UDP)");
    if (relay)
        return layer == Layer::Tls ? Texts::tr("Relay (TLS for its clients)") : Texts::tr("Relay");
    switch (layer) {
    case Layer::None: break;
    case Layer::Tls: return server ? Texts::tr("TLS server") : Texts::tr("TLS client");
    case Layer::WebSocket: return server ? Texts::tr("WebSocket server") : Texts::tr("WebSocket client");
    case Layer::SecureWebSocket: return server ? Texts::tr("WebSocket server (wss)") : Texts::tr("WebSocket client (wss)");
    }
    return kindName(kind);
}

QList<LifecycleStep::Call> LifecycleFlow::layerCalls(Layer layer)
{
    switch (layer) {
    case Layer::None: return {};
    case Layer::Tls: return {Call::Handshake};
    case Layer::WebSocket: return {Call::Upgrade};
    case Layer::SecureWebSocket: return {Call::Handshake, Call::Upgrade};
    }
    return {};
}

LifecycleFlow::Layer LifecycleFlow::layerOf(Transport transport, bool secure)
{
    switch (transport) {
    case Transport::Tls: return Layer::Tls;
    case Transport::WebSocket: return secure ? Layer::SecureWebSocket : Layer::WebSocket;
    case Transport::Tcp:
    case Transport::Udp:
    case Transport::Dtls: // its own kinds of flow, not a layer over TCP
    case Transport::Serial:
    case Transport::Relay: break;
    }
    return Layer::None;
}

QString LifecycleFlow::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unknown: return Texts::tr("socket");
    case Kind::TcpServer: return Texts::tr("TCP server");
    case Kind::TcpClient: return Texts::tr("TCP client");
    case Kind::Udp: return Texts::tr("UDP socket");
    case Kind::Serial: return Texts::tr("serial port");
    case Kind::DtlsServer: return Texts::tr("DTLS server");
    case Kind::DtlsClient: return Texts::tr("DTLS client");
    }
    return {};
}

LifecycleStep LifecycleFlow::makeStep(Kind kind, Call call, bool branch, Layer layer)
{
    LifecycleStep step;
    step.call = call;
    step.name = callName(kind, call, layer);
    step.sentence = sentence(kind, call, branch, layer);
    return step;
}

namespace {

/// A connection's calls from accept()/connect() on: the layer's own steps,
/// the exchange, shutdown() where the layer can half-close, close().
QList<Call> connectionCalls(Call first, LifecycleFlow::Layer layer)
{
    QList<Call> calls{first};
    calls += LifecycleFlow::layerCalls(layer);
    calls.append(Call::Exchange);
    if (layer == LifecycleFlow::Layer::None)
        calls.append(Call::Shutdown); // TLS and WebSocket close both ways at once
    calls.append(Call::Close);
    return calls;
}

} // namespace

QList<LifecycleStep> LifecycleFlow::blankSteps(Kind kind, Layer layer)
{
    QList<Call> calls;
    switch (kind) {
    case Kind::Unknown: break;
    case Kind::TcpServer: calls = {Call::Socket, Call::Bind, Call::Listen, Call::Accept, Call::Close}; break;
    // getaddrinfo() joins in front once a name is looked up.
    case Kind::TcpClient: calls = QList<Call>{Call::Socket} + connectionCalls(Call::Connect, layer); break;
    case Kind::Udp: calls = {Call::Socket, Call::Bind, Call::Datagrams, Call::Close}; break;
    case Kind::Serial: calls = {Call::Open, Call::Configure, Call::Exchange, Call::Close}; break;
    // Its clients' handshakes and datagrams are their branches' (blankBranch).
    case Kind::DtlsServer: calls = {Call::Socket, Call::Bind, Call::Cookie, Call::Close}; break;
    case Kind::DtlsClient:
        calls = {Call::Socket, Call::Connect, Call::Cookie, Call::Handshake, Call::Datagrams, Call::Close};
        break;
    }
    QList<LifecycleStep> steps;
    steps.reserve(calls.size());
    for (Call call : std::as_const(calls))
        steps.append(makeStep(kind, call, false, layer));
    return steps;
}

LifecycleBranch LifecycleFlow::blankBranch(Kind kind, int connectionId, Layer layer)
{
    LifecycleBranch branch;
    branch.connectionId = connectionId;
    // A DTLS server's client: its verified cookie, its handshake, its datagrams, close_notify.
    const QList<Call> calls = kind == Kind::DtlsServer
        ? QList<Call>{Call::Cookie, Call::Handshake, Call::Datagrams, Call::Close}
        : connectionCalls(kind == Kind::TcpClient ? Call::Connect : Call::Accept, layer);
    for (Call call : calls)
        branch.steps.append(makeStep(kind, call, true, layer));
    return branch;
}

QString LifecycleFlow::closeSentence(LifecycleBranch::Ending ending, Kind kind)
{
    if (kind == Kind::Serial) {
        if (ending == LifecycleBranch::Ending::ClosedByPeer)
            return Texts::tr("the device went away (unplugged, or the program at its other end closed it): "
                             "we close it too");
        return sentence(kind, Call::Close, false, Layer::None);
    }
    if (kind == Kind::DtlsServer || kind == Kind::DtlsClient) {
        switch (ending) {
        case LifecycleBranch::Ending::ClosedByPeer:
            return Texts::tr("the peer sent close_notify: the association is over (UDP has no FIN)");
        case LifecycleBranch::Ending::Failed:
        case LifecycleBranch::Ending::Reset:
            return Texts::tr("the handshake did not finish: the association is dropped");
        case LifecycleBranch::Ending::Open:
        case LifecycleBranch::Ending::ClosedByUs: break;
        }
        return sentence(kind, Call::Close, kind == Kind::DtlsServer, Layer::None); // a server's: its client's
    }
    switch (ending) {
    case LifecycleBranch::Ending::Open:
    case LifecycleBranch::Ending::ClosedByUs:
        return Texts::tr("we closed first: our FIN went out, the kernel finishes the goodbye");
    case LifecycleBranch::Ending::ClosedByPeer:
        return Texts::tr("the peer closed first: recv() returned 0 (FIN received), so we close too");
    case LifecycleBranch::Ending::Reset:
    case LifecycleBranch::Ending::Failed:
        return Texts::tr("the connection was reset (RST): the kernel dropped it at once");
    }
    return {};
}

} // namespace SockPlay

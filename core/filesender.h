#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>

namespace SockPlay {

class Endpoint;

/// Streams a file's bytes through an endpoint's send() (so they are counted
/// and logged as any user send), in chunks, with backpressure: it never lets
/// more than MaxQueuedBytes wait in the endpoint's queues, and reads on as
/// they drain (Endpoint::bytesWritten). Memory stays bounded whatever the
/// file's size and however slowly the peer reads.
///
/// A datagram endpoint sends the whole file as one datagram, or refuses a
/// file larger than one datagram carries.
///
/// What the user should read in the log comes as note()s and failed()s; the
/// owner writes them in the endpoint's log.
class FileSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSender)
public:
    /// Unsent bytes allowed in the endpoint's queues (over every target).
    static constexpr qint64 MaxQueuedBytes = 1 << 20;
    /// Bytes read and sent at a time.
    static constexpr qint64 ChunkBytes = 64 << 10;
    /// Bytes handed over per pass of the event loop, so that a fast peer
    /// does not keep the loop (and a Cancel) waiting.
    static constexpr qint64 MaxBytesPerPass = 4 << 20;
    /// The most one UDP datagram carries over IPv4.
    static constexpr qint64 MaxDatagramBytes = 65507;

    /// connectionId 0: every connection, or a client's connection or target.
    FileSender(Endpoint *endpoint, int connectionId, const QString &path, int progressIntervalMs,
               QObject *parent = nullptr);
    ~FileSender() override;

    /// Opens the file and sends what the bound allows; the rest follows as
    /// bytes drain. Every way it ends emits progress(..., true) once
    /// (perhaps from here).
    void start();
    /// Ends now; nothing more is sent. Notes "file send cancelled after X of Y bytes".
    void cancel();
    /// Ends now with an error: "file send of PATH stopped after X of Y bytes: why".
    void fail(const QString &why);

    QString path() const { return m_path; }
    bool isRunning() const { return m_running; }
    qint64 sent() const { return m_sent; }
    qint64 total() const { return m_total; }

signals:
    /// Once at the start, at most once per progress interval while it runs,
    /// and once at the end (finished: done, cancelled or failed).
    void progress(qint64 sent, qint64 total, bool finished);
    /// A line for the log: what is sent, that it went out, cancelled, stopped.
    void note(const QString &text);
    /// An error the user should see (unreadable, too big for a datagram, the
    /// connection closed); it ends the send.
    void failed(const QString &reason);

private:
    enum class Outcome : quint8 {
        Done,      ///< every byte was handed to the endpoint
        Cancelled, ///< cancel()
        Failed,    ///< a new error: failed() says it
        Refused,   ///< the endpoint refused a chunk and reported why itself
    };
    void sendDatagram();
    void pump();
    void connectionClosed(int connectionId);
    void end(Outcome outcome, const QString &error = {});
    /// "1,234 of 5,678 bytes".
    QString progressText() const;

    QPointer<Endpoint> m_endpoint;
    const int m_connectionId;
    const QString m_path;
    const qint64 m_progressIntervalNs;
    QFile m_file;
    QElapsedTimer m_clock;
    qint64 m_lastProgressNs = 0;
    qint64 m_sent = 0;
    qint64 m_total = 0;
    bool m_running = false;
    bool m_pumping = false;   // pump() is on the stack (a send reports bytes written from inside)
    bool m_pumpAgain = false; // bytes drained meanwhile
    bool m_passQueued = false;
};

} // namespace SockPlay

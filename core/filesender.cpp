#include "filesender.h"
#include "timeunits.h"

#include "endpoint.h"

#include <QFileInfo>
#include <QLocale>
#include <QTimer>

namespace SockPlay {

namespace {

/// "33,554,432": a log line is read by people.
QString bytesText(qint64 bytes)
{
    static const QLocale grouped = [] {
        QLocale c = QLocale::c(); // the C locale omits group separators unless told
        c.setNumberOptions(QLocale::DefaultNumberOptions);
        return c;
    }();
    return grouped.toString(bytes);
}
} // namespace

FileSender::FileSender(Endpoint *endpoint, int connectionId, const QString &path, int progressIntervalMs,
                       QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_connectionId(connectionId)
    , m_path(path)
    , m_progressIntervalNs(qint64(progressIntervalMs) * NsPerMs)
    , m_file(path)
{
}

FileSender::~FileSender() = default;

void FileSender::start()
{
    if (m_running || !m_endpoint)
        return;
    m_running = true;
    m_clock.start();
    if (QFileInfo(m_path).isDir()) {
        end(Outcome::Failed, QStringLiteral("cannot send %1: it is a folder, not a file").arg(m_path));
        return;
    }
    if (!m_file.open(QIODevice::ReadOnly)) {
        end(Outcome::Failed, QStringLiteral("cannot read %1: %2").arg(m_path, m_file.errorString()));
        return;
    }
    m_total = m_file.size();
    emit note(QStringLiteral("sending the file %1, %2 bytes").arg(m_path, bytesText(m_total)));
    emit progress(0, m_total, false);
    if (m_endpoint->capabilities().datagram) {
        sendDatagram();
        return;
    }
    // More goes out as the queue drains. Bytes written are reported from
    // inside send() too (the kernel took them at once): pump() guards that.
    connect(m_endpoint, &Endpoint::bytesWritten, this, [this] { pump(); });
    connect(m_endpoint, &Endpoint::connectionClosed, this, &FileSender::connectionClosed);
    pump();
}

void FileSender::sendDatagram()
{
    // Never more than one datagram and a byte in memory, whatever the file.
    const QByteArray bytes = m_file.read(MaxDatagramBytes + 1);
    if (m_file.error() != QFileDevice::NoError) {
        end(Outcome::Failed, QStringLiteral("cannot read %1: %2").arg(m_path, m_file.errorString()));
        return;
    }
    if (bytes.size() > MaxDatagramBytes) {
        end(Outcome::Failed, QStringLiteral("%1 is %2 bytes, more than the %3 one UDP datagram carries: not sent")
                                 .arg(m_path, bytesText(std::max<qint64>(m_total, bytes.size())),
                                      bytesText(MaxDatagramBytes)));
        return;
    }
    m_total = bytes.size();
    if (!m_endpoint->send(m_connectionId, bytes)) {
        end(Outcome::Refused);
        return;
    }
    m_sent = bytes.size();
    end(Outcome::Done);
}

void FileSender::pump()
{
    if (!m_running || !m_endpoint)
        return;
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    qint64 thisPass = 0;
    do {
        m_pumpAgain = false;
        while (m_running && thisPass < MaxBytesPerPass) {
            // The bound is on what waits, whatever the reason it waits: the
            // next chunk only gets the room that is left.
            const qint64 room = MaxQueuedBytes - m_endpoint->pendingWriteBytes();
            if (room <= 0)
                break; // until bytesWritten
            const QByteArray chunk = m_file.read(std::min(ChunkBytes, room));
            if (chunk.isEmpty()) {
                if (m_file.error() != QFileDevice::NoError)
                    end(Outcome::Failed, QStringLiteral("cannot read %1 after %2 bytes: %3")
                                             .arg(m_path, bytesText(m_sent), m_file.errorString()));
                else
                    end(Outcome::Done);
                break;
            }
            if (!m_endpoint->send(m_connectionId, chunk)) {
                end(Outcome::Refused);
                break;
            }
            m_sent += chunk.size();
            m_total = std::max(m_total, m_sent); // the file may grow while it is sent
            thisPass += chunk.size();
        }
    } while (m_running && m_pumpAgain && thisPass < MaxBytesPerPass);
    m_pumping = false;
    if (!m_running)
        return;
    if (thisPass >= MaxBytesPerPass && !m_passQueued) {
        // The peer takes bytes as fast as we give them: go on after the
        // loop has looked at everything else.
        m_passQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_passQueued = false;
            pump();
        });
    }
    const qint64 now = m_clock.nsecsElapsed();
    if (now - m_lastProgressNs >= m_progressIntervalNs) {
        m_lastProgressNs = now;
        emit progress(m_sent, m_total, false);
    }
}

void FileSender::connectionClosed(int connectionId)
{
    // Waiting for bytes to drain from a connection that is gone would wait forever.
    if (!m_running || !m_endpoint)
        return;
    if (connectionId == m_connectionId || (m_connectionId == 0 && m_endpoint->connectionCount() == 0)) {
        fail(QStringLiteral("the connection closed"));
    }
}

void FileSender::cancel()
{
    if (m_running)
        end(Outcome::Cancelled);
}

void FileSender::fail(const QString &why)
{
    if (m_running)
        end(Outcome::Failed, QStringLiteral("file send of %1 stopped after %2: %3").arg(m_path, progressText(), why));
}

QString FileSender::progressText() const
{
    return QStringLiteral("%1 of %2 bytes").arg(bytesText(m_sent), bytesText(m_total));
}

void FileSender::end(Outcome outcome, const QString &error)
{
    m_running = false;
    m_file.close();
    if (m_endpoint)
        m_endpoint->disconnect(this);
    switch (outcome) {
    case Outcome::Done:
        emit note(QStringLiteral("file sent: %1, %2 bytes").arg(m_path, bytesText(m_sent)));
        break;
    case Outcome::Cancelled:
        emit note(QStringLiteral("file send cancelled after ") + progressText());
        break;
    case Outcome::Refused: // the endpoint said why
        emit note(QStringLiteral("file send of %1 stopped after %2").arg(m_path, progressText()));
        break;
    case Outcome::Failed:
        emit failed(error);
        break;
    }
    emit progress(m_sent, m_total, true);
}

} // namespace SockPlay

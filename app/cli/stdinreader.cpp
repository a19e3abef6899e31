#include "stdinreader.h"

#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace SockPlay::Cli {

namespace {
constexpr int StdinFd = STDIN_FILENO;
constexpr qsizetype ReadChunk = 64 * 1024;
// A "line" without a newline (binary input) is passed on once this long, so
// that the buffer stays bounded.
constexpr qsizetype MaxLineLength = 64 * 1024;
} // namespace

StdinReader::StdinReader(QObject *parent)
    : QObject(parent)
{
}

StdinReader::~StdinReader() = default;

void StdinReader::setEnabled(bool enabled)
{
    if (m_atEnd)
        return;
    if (!m_notifier) {
        if (!enabled)
            return;
        if (::fcntl(StdinFd, F_GETFL) == -1) {
            // stdin is closed (started with <&-): there is nothing to read.
            m_atEnd = true;
            QTimer::singleShot(0, this, &StdinReader::endOfInput);
            return;
        }
        m_notifier = new QSocketNotifier(StdinFd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &StdinReader::readAvailable);
    }
    // A terminal we do not own (started with &): reading would stop the whole
    // process with SIGTTIN, as nc does. Leave the terminal to the shell.
    m_notifier->setEnabled(enabled && !isBackgroundTerminal());
}

bool StdinReader::isBackgroundTerminal() const
{
    return ::isatty(StdinFd) == 1 && ::tcgetpgrp(StdinFd) != ::getpgrp();
}

void StdinReader::readAvailable()
{
    if (isBackgroundTerminal()) {
        m_notifier->setEnabled(false);
        return;
    }
    QByteArray chunk(ReadChunk, Qt::Uninitialized);
    const ssize_t n = ::read(StdinFd, chunk.data(), chunk.size());
    if (n < 0) {
        if (errno == EINTR || errno == EAGAIN)
            return;
        finish(); // EIO, EBADF...: treat like the end of the input
        return;
    }
    if (n == 0) {
        finish();
        return;
    }
    chunk.truncate(n);
    m_partialLine += chunk;
    qsizetype start = 0;
    for (qsizetype newline = m_partialLine.indexOf('\n'); newline >= 0;
         newline = m_partialLine.indexOf('\n', start)) {
        emit lineRead(m_partialLine.mid(start, newline + 1 - start));
        start = newline + 1;
    }
    m_partialLine.remove(0, start);
    if (m_partialLine.size() >= MaxLineLength)
        emit lineRead(std::exchange(m_partialLine, {}));
}

void StdinReader::finish()
{
    m_atEnd = true;
    m_notifier->setEnabled(false);
    if (!m_partialLine.isEmpty())
        emit lineRead(std::exchange(m_partialLine, {}));
    emit endOfInput();
}

} // namespace SockPlay::Cli

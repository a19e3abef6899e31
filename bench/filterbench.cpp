// The log's filter and search over a full log of a million events: how long
// a whole scan takes per query mode, and the longest slice (the longest the
// window's event loop waits for the scanner). Prints numbers; asserts nothing.
#include "eventlog.h"
#include "logfilter.h"
#include "logscanner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>

using namespace SockPlay;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    EventLog log;
    const EventSourcePtr sources[] = {
        makeEventSource(1, 1, QStringLiteral("server"), QHostAddress::LocalHost, 5000, QHostAddress::LocalHost, 40001),
        makeEventSource(2, 1, QStringLiteral("client"), QHostAddress::LocalHost, 40001, QHostAddress::LocalHost, 5000),
    };
    const int events = log.limits().capacity;
    for (int i = 0; i < events; ++i) {
        const QByteArray payload = i % 1000 == 0 ? QByteArray("GET /needle HTTP/1.1\r\nHost: x\r\n\r\n")
                                                 : QByteArray("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");
        log.append(i % 2 ? EventKind::Sent : EventKind::Received, sources[i % 2], payload);
    }
    out << "log: " << log.size() << " events\n";

    struct Case
    {
        const char *name;
        LogFilter::QueryMode mode;
        QString query;
        LogFilter::Direction direction = LogFilter::Direction::Any;
    };
    const Case cases[] = {
        {"text", LogFilter::QueryMode::Text, QStringLiteral("NEEDLE")},
        {"regex", LogFilter::QueryMode::Regex, QStringLiteral("/need\\w+ HTTP")},
        {"hex", LogFilter::QueryMode::Hex, QStringLiteral("6e 65 65 64")},
        {"direction only", LogFilter::QueryMode::Text, {}, LogFilter::Direction::In},
    };
    for (const Case &c : cases) {
        LogFilter filter;
        filter.queryMode = c.mode;
        filter.query = c.query;
        filter.direction = c.direction;
        LogScanner scanner(&log);
        QEventLoop loop;
        QObject::connect(&scanner, &LogScanner::finished, &loop, &QEventLoop::quit);
        QElapsedTimer total;
        QElapsedTimer slice;
        qint64 longestSlice = 0;
        QObject::connect(&scanner, &LogScanner::progress, &loop, [&] {
            longestSlice = std::max(longestSlice, slice.nsecsElapsed());
        });
        total.start();
        slice.start();
        scanner.start(filter);
        // Each slice runs between two progress signals; the loop runs in between.
        QObject::connect(&scanner, &LogScanner::progress, &loop, [&] { slice.restart(); });
        loop.exec();
        out << c.name << ": " << scanner.matches().size() << " matches in " << total.elapsed()
            << " ms, longest slice " << longestSlice / 1000000.0 << " ms\n";
    }
    return 0;
}

#include "eventoutput.h"

#include "capturefile.h"
#include "clioptions.h"
#include "console.h"
#include "eventformat.h"
#include "eventlog.h"
#include "lifecycletracker.h"

#include <QJsonDocument>
#include <QLocale>

namespace SockPlay::Cli {

void EventOutput::addOptions(CliOptions &options)
{
    options.addOption({QStringLiteral("capture"),
                       QStringLiteral("Write every event to FILE as it happens (flushed every second and at the "
                                      "end, Ctrl-C included), in the format its extension names: .pcapng "
                                      "(packets for Wireshark/tshark: TCP handshake, data and FIN, UDP "
                                      "datagrams; other events as text packets), .csv, or .jsonl/.ndjson (the "
                                      "--json lines). Example: --capture session.pcapng, then "
                                      "tshark -r session.pcapng -q -z follow,tcp,ascii,0"),
                       QStringLiteral("FILE")});
    options.addOption({QStringLiteral("lifecycle"),
                       QStringLiteral("Print each step of the socket API on stderr as its real event arrives, "
                                      "e.g. \"[server] listen(): the kernel now completes handshakes for us and "
                                      "queues them\", \"[server #1] accept(): ...\" for a connection, "
                                      "\"[server] bind() failed: address already in use\".")});
}

Result EventOutput::open(const CliOptions &options, QObject *parent)
{
    m_json = options.json();
    m_verbose = options.verbose();
    if (options.isSet(QStringLiteral("lifecycle"))) {
        m_lifecycle = new LifecycleTracker(parent);
        QObject::connect(m_lifecycle, &LifecycleTracker::stepLit, m_lifecycle,
                         [this](int endpointId, int connectionId, const LifecycleStep &step) {
                             writeStep(endpointId, connectionId, step);
                         });
    }
    if (!options.isSet(QStringLiteral("capture")))
        return Result::success();
    m_capture = new CaptureFile(parent);
    if (const Result opened = m_capture->open(options.value(QStringLiteral("capture"))); !opened)
        return Result::failure(QStringLiteral("--capture: ") + opened.error);
    return Result::success();
}

void EventOutput::write(const SockPlay::Event &event)
{
    if (m_capture)
        m_capture->write(event);
    if (m_lifecycle)
        m_lifecycle->feed({event});
    if (m_json)
        Console::writeOut(QJsonDocument(EventFormat::toJson(event)).toJson(QJsonDocument::Compact) + '\n');
    if (m_verbose)
        Console::writeErr(QStringLiteral("* ") + EventFormat::toLine(event));
}

void EventOutput::writeStep(int endpointId, int connectionId, const LifecycleStep &step)
{
    const bool repeated = step.sequence == m_lastSequence && int(step.call) == m_lastCall;
    m_lastSequence = step.sequence;
    m_lastCall = int(step.call);
    if (repeated)
        return;
    QString who = m_lifecycle->flow(endpointId).name;
    if (connectionId > 0)
        who += QStringLiteral(" #%1").arg(connectionId);
    const QString what = step.state == LifecycleStep::State::Failed
        ? step.name + QStringLiteral(" failed: ") + step.error
        : step.text();
    Console::writeErr(u'[' + who + QStringLiteral("] ") + what);
}

void EventOutput::finish(const EventLog *log)
{
    if (m_capture)
        m_capture->close();
    if (m_verbose && log) {
        const EventLog::Totals totals = log->totals();
        const QLocale c = QLocale::c();
        Console::writeErr(QStringLiteral("* log: %1 events logged, %2 kept, %3 dropped; %4 payload bytes kept")
                              .arg(c.toString(totals.logged), c.toString(totals.kept), c.toString(totals.dropped),
                                   c.toString(totals.payloadBytesKept)));
    }
}

} // namespace SockPlay::Cli

// sockplay-windowbench: the window under a flood, as a user sees it.
//
//   sockplay-windowbench [--startup-only] [--seconds S] [--datagrams N] [--peers P] [--startup-runs R]
//
// Run it on a display (scripts/bench-window.sh uses xvfb-run). It prints
// `key value` lines:
//   startup_sockplay_ms, startup_bare_ms, startup_skeleton_ms, startup_ratio
//       process start to the window's first paint: SockPlay's main window
//       against a bare Qt window showing one label, the same way (this
//       program started again with --startup-child), alternating, medians;
//       and against the window's skeleton (bench/windowskeleton.h): the
//       widgets the window shows when it opens, made plain at the same
//       places, nothing else: the least a window with that content takes.
//       startup_skeleton_ratio is skeleton / bare, startup_over_skeleton_ratio
//       SockPlay / skeleton; each *_cpu_ms is the child's CPU time until its
//       first paint (every thread), less sensitive to a busy machine.
//       --startup-only stops after these.
//   ingest_events_per_s
//       events the log took per second while bench/udpflood.py floods the
//       window's UDP server (started through its widgets, echo off);
//   keypress_p50_ms, keypress_p99_ms, keypress_max_ms, keypress_samples
//       meanwhile, every 50 ms a key press is posted to the client's payload
//       line edit; the time from posting it until the line edit has painted
//       the new text;
//   lag_p50_ms, lag_p99_ms, lag_max_ms
//       how late a 10 ms timer fires on the GUI thread meanwhile;
//   clear_ms_max (and each clear_ms_N)
//       Clear log clicked during the flood: the time until the log view shows
//       fewer than half the rows it had and has painted.
// Nothing is asserted: numbers only.

#include "logmodel.h"
#include "mainwindow.h"
#include "windowskeleton.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace SockPlay;

namespace {

qint64 monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(q * double(values.size()))));
}

void print(const char *key, double value)
{
    std::printf("%s %.2f\n", key, value);
    std::fflush(stdout);
}

/// Calls back on the first paint of a widget (or of any of its children).
class FirstPaint : public QObject
{
public:
    std::function<void()> onPaint;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && onPaint) {
            auto callback = std::exchange(onPaint, nullptr);
            callback();
        }
        return QObject::eventFilter(watched, event);
    }
};

// --------------------------------------------------------------- start-up

enum class StartupKind { SockPlay, Bare, Skeleton };

qint64 cpuNs()
{
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

/// The child: show the window (a bare label, or the window's skeleton), print the clock at its first paint, exit.
int startupChild(int argc, char *argv[], StartupKind kind, const QString &skeletonPath)
{
    const qint64 mainNs = monotonicNs();
    QJsonObject skeleton;
    if (kind == StartupKind::Skeleton) {
        QFile file(skeletonPath);
        if (!file.open(QIODevice::ReadOnly))
            return 1;
        skeleton = QJsonDocument::fromJson(file.readAll()).object();
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SockPlay"));
    const qint64 appNs = monotonicNs();
    QWidget *window = nullptr;
    switch (kind) {
    case StartupKind::Bare:
        window = new QLabel(QStringLiteral("Hello"));
        break;
    case StartupKind::Skeleton:
        window = Bench::buildSkeleton(skeleton);
        break;
    case StartupKind::SockPlay:
        window = new MainWindow;
        break;
    }
    const qint64 builtNs = monotonicNs();
    const qint64 builtCpuNs = cpuNs();
    FirstPaint painted;
    painted.onPaint = [&] {
        std::printf("main_ns %lld\napp_ns %lld\nbuilt_ns %lld\nbuilt_cpu_ns %lld\n", static_cast<long long>(mainNs),
                    static_cast<long long>(appNs), static_cast<long long>(builtNs), static_cast<long long>(builtCpuNs));
        std::printf("painted_ns %lld\npainted_cpu_ns %lld\n", static_cast<long long>(monotonicNs()),
                    static_cast<long long>(cpuNs()));
        std::fflush(stdout);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    };
    window->installEventFilter(&painted);
    window->show();
    const int code = QApplication::exec();
    delete window;
    return code;
}

struct StartupRun
{
    double wallMs = -1; ///< process start to first paint
    double cpuMs = -1;  ///< the child's CPU time (every thread) until its first paint
};

StartupRun startupOnce(const QString &self, const QStringList &arguments)
{
    QProcess child;
    const qint64 started = monotonicNs();
    child.start(self, QStringList{QStringLiteral("--startup-child")} + arguments);
    if (!child.waitForFinished(30'000))
        return {};
    const QByteArray out = child.readAllStandardOutput();
    const auto value = [&out](const char *key) {
        const qsizetype at = out.indexOf(QByteArray(QByteArray(key) + ' '));
        return at < 0 ? qint64(-1) : out.mid(at + qstrlen(key) + 1).trimmed().split('\n').value(0).toLongLong();
    };
    const qint64 painted = value("painted_ns");
    if (painted < 0)
        return {};
    return {double(painted - started) / 1e6, double(value("painted_cpu_ns")) / 1e6};
}

/// SockPlay's window as it opens, written down for the skeleton runs.
bool writeSkeleton(const QString &path)
{
    MainWindow window;
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QTest::qWait(200); // the first paint and the deferred decoration
    QFile file(path);
    return file.open(QIODevice::WriteOnly)
        && file.write(QJsonDocument(Bench::describeVisible(&window)).toJson(QJsonDocument::Compact)) > 0;
}

void measureStartup(const QString &self, int runs)
{
    QTemporaryDir dir;
    const QString skeletonPath = dir.filePath(QStringLiteral("skeleton.json"));
    const bool haveSkeleton = dir.isValid() && writeSkeleton(skeletonPath);
    const QList<std::pair<const char *, QStringList>> kinds{
        {"sockplay", {QStringLiteral("sockplay")}},
        {"bare", {QStringLiteral("bare")}},
        {"skeleton", {QStringLiteral("skeleton"), skeletonPath}},
    };
    QHash<QByteArray, QList<double>> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        for (const auto &[name, arguments] : kinds) {
            if (!haveSkeleton && arguments.size() > 1)
                continue;
            const StartupRun run = startupOnce(self, arguments);
            wall[name].append(run.wallMs);
            cpu[name].append(run.cpuMs);
        }
    }
    for (const auto &[name, arguments] : kinds) {
        if (!wall.contains(name))
            continue;
        print(qPrintable(QStringLiteral("startup_%1_ms").arg(QLatin1String(name))), quantile(wall[name], 0.5));
        print(qPrintable(QStringLiteral("startup_%1_cpu_ms").arg(QLatin1String(name))), quantile(cpu[name], 0.5));
    }
    const double s = quantile(wall["sockplay"], 0.5);
    const double b = quantile(wall["bare"], 0.5);
    print("startup_ratio", b > 0 ? s / b : -1);
    if (haveSkeleton) {
        const double k = quantile(wall["skeleton"], 0.5);
        print("startup_skeleton_ratio", b > 0 ? k / b : -1);
        print("startup_over_skeleton_ratio", k > 0 ? s / k : -1);
    }
}

// --------------------------------------------------------------- the flood

template <typename T> T *find(QWidget *root, const char *name)
{
    auto *w = root->findChild<T *>(QLatin1String(name));
    if (!w) {
        std::fprintf(stderr, "windowbench: no widget %s\n", name);
        std::exit(1);
    }
    return w;
}

struct FloodRun
{
    MainWindow *window = nullptr;
    QList<double> keypress, lag, clears;
    qint64 pendingKeyNs = 0;
    int textLengthAtKey = 0;
};

void measureFlood(FloodRun &run, const QString &floodScript, double seconds, qint64 datagrams, int peers)
{
    MainWindow &window = *run.window;
    // The server, as a user starts it: UDP, echo off, Start.
    auto *transport = find<QComboBox>(&window, "serverTransportCombo");
    transport->setCurrentIndex(transport->findText(QStringLiteral("UDP"), Qt::MatchContains));
    QTest::mouseClick(find<QAbstractButton>(&window, "serverStartButton"), Qt::LeftButton);
    const auto *port = find<QSpinBox>(&window, "serverPortSpin");
    auto *start = find<QAbstractButton>(&window, "serverStartButton");
    if (!QTest::qWaitFor([start] { return start->text().contains(QLatin1String("top")); }, 5000)) {
        std::fprintf(stderr, "windowbench: the server did not start\n");
        std::exit(1);
    }
    auto *view = find<QTableView>(&window, "logView");
    auto *model = qobject_cast<LogModel *>(view->model());

    // Key presses into the client's payload line edit, painted.
    auto *edit = find<QLineEdit>(&window, "clientPayloadEdit");
    FirstPaint editPaint;
    edit->installEventFilter(&editPaint);
    // A paint that shows the new text ends the sample; one before it (the
    // cursor blinking) waits for the next.
    std::function<void()> onEditPaint = [&] {
        if (edit->text().size() > run.textLengthAtKey) {
            run.keypress.append(double(monotonicNs() - run.pendingKeyNs) / 1e6);
            run.pendingKeyNs = 0;
        } else {
            editPaint.onPaint = onEditPaint;
        }
    };
    QTimer keys;
    keys.setInterval(50);
    QObject::connect(&keys, &QTimer::timeout, &window, [&] {
        if (run.pendingKeyNs)
            return; // the last one has not shown yet
        if (edit->text().size() > 200)
            edit->clear();
        run.textLengthAtKey = int(edit->text().size());
        run.pendingKeyNs = monotonicNs();
        editPaint.onPaint = onEditPaint;
        QCoreApplication::postEvent(edit, new QKeyEvent(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a")));
        QCoreApplication::postEvent(edit, new QKeyEvent(QEvent::KeyRelease, Qt::Key_A, Qt::NoModifier, QStringLiteral("a")));
    });

    // How late a 10 ms timer fires.
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    qint64 lastProbe = monotonicNs();
    QObject::connect(&probe, &QTimer::timeout, &window, [&] {
        const qint64 now = monotonicNs();
        run.lag.append(std::max(0.0, double(now - lastProbe) / 1e6 - 10.0));
        lastProbe = now;
    });

    QProcess flood;
    flood.start(QStringLiteral("python3"),
                {floodScript, QString::number(port->value()), QString::number(datagrams), QString::number(peers),
                 QStringLiteral("--timeout"), QString::number(seconds)});
    if (!flood.waitForStarted(5000)) {
        std::fprintf(stderr, "windowbench: cannot start python3 %s\n", qPrintable(floodScript));
        std::exit(1);
    }
    QTest::qWait(500); // the flood gets going
    const quint64 loggedBefore = window.log()->totals().logged;
    const qint64 startNs = monotonicNs();
    keys.start();
    probe.start();
    lastProbe = monotonicNs();

    // Three times Clear log, spread over the flood.
    auto *clear = find<QAbstractButton>(&window, "logClearButton");
    const int clearsWanted = 3;
    for (int c = 0; c < clearsWanted && flood.state() == QProcess::Running; ++c) {
        QTest::qWait(int(seconds * 1000 / (clearsWanted + 1)));
        if (flood.state() != QProcess::Running)
            break;
        const int rowsBefore = model->rowCount();
        FirstPaint viewPaint;
        bool answered = false;
        view->viewport()->installEventFilter(&viewPaint);
        const qint64 clickNs = monotonicNs();
        QTest::mouseClick(clear, Qt::LeftButton);
        QElapsedTimer limit;
        limit.start();
        while (!answered && limit.elapsed() < 5000) {
            if (model->rowCount() < rowsBefore / 2 && !viewPaint.onPaint)
                viewPaint.onPaint = [&] { answered = true; };
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
        view->viewport()->removeEventFilter(&viewPaint);
        run.clears.append(answered ? double(monotonicNs() - clickNs) / 1e6 : -1);
    }
    while (flood.state() == QProcess::Running && !flood.waitForFinished(10))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    keys.stop();
    probe.stop();
    const double elapsed = double(monotonicNs() - startNs) / 1e9;
    const quint64 loggedAfter = window.log()->totals().logged;
    print("ingest_events_per_s", double(loggedAfter - loggedBefore) / elapsed);
    std::printf("# flood: %s\n", flood.readAllStandardOutput().simplified().constData());
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc >= 3 && qstrcmp(argv[1], "--startup-child") == 0) {
        const StartupKind kind = qstrcmp(argv[2], "bare") == 0       ? StartupKind::Bare
                                 : qstrcmp(argv[2], "skeleton") == 0 ? StartupKind::Skeleton
                                                                      : StartupKind::SockPlay;
        return startupChild(argc, argv, kind, argc >= 4 ? QString::fromLocal8Bit(argv[3]) : QString());
    }

    double seconds = 10;
    qint64 datagrams = 3'000'000;
    int peers = 100;
    int startupRuns = 10;
    bool startupOnly = false;
    for (int i = 1; i < argc; ++i)
        startupOnly = startupOnly || qstrcmp(argv[i], "--startup-only") == 0;
    for (int i = 1 + int(startupOnly); i + 1 < argc; i += 2) {
        if (qstrcmp(argv[i], "--seconds") == 0)
            seconds = atof(argv[i + 1]);
        else if (qstrcmp(argv[i], "--datagrams") == 0)
            datagrams = atoll(argv[i + 1]);
        else if (qstrcmp(argv[i], "--peers") == 0)
            peers = atoi(argv[i + 1]);
        else if (qstrcmp(argv[i], "--startup-runs") == 0)
            startupRuns = atoi(argv[i + 1]);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SockPlay"));
    const QString self = QCoreApplication::applicationFilePath();
    const QString floodScript = QStringLiteral(SOCKPLAY_SOURCE_DIR "/bench/udpflood.py");

    measureStartup(self, startupRuns);
    if (startupOnly)
        return 0;

    FloodRun run;
    MainWindow window;
    run.window = &window;
    window.show();
    QTest::qWait(500);
    measureFlood(run, floodScript, seconds, datagrams, peers);

    print("keypress_samples", double(run.keypress.size()));
    print("keypress_p50_ms", quantile(run.keypress, 0.5));
    print("keypress_p99_ms", quantile(run.keypress, 0.99));
    print("keypress_max_ms", quantile(run.keypress, 1.0));
    print("lag_p50_ms", quantile(run.lag, 0.5));
    print("lag_p99_ms", quantile(run.lag, 0.99));
    print("lag_max_ms", quantile(run.lag, 1.0));
    for (int i = 0; i < run.clears.size(); ++i)
        std::printf("clear_ms_%d %.2f\n", i + 1, run.clears.at(i));
    print("clear_ms_max", run.clears.isEmpty() ? -1 : *std::max_element(run.clears.begin(), run.clears.end()));
    return 0;
}

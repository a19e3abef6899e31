// Makes the README's screenshots of the message tools: the real MainWindow,
// real loopback sockets, each state reached by clicks and keys, grabbed to PNG.
#include "clientpane.h"
#include "logmodel.h"
#include "mainwindow.h"
#include "messagelibrarymodel.h"
#include "payloadeditor.h"
#include "ruledialog.h"
#include "rulespanel.h"
#include "serverpane.h"
#include "session.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>

using namespace SockPlay;

namespace {

QString outDir;

void save(QWidget *widget, const char *name)
{
    QTest::qWait(150); // let the last repaint land before grabbing
    const QString path = outDir + QLatin1Char('/') + QLatin1String(name);
    if (!widget->grab().save(path))
        qFatal("cannot write %s", qPrintable(path));
    qInfo("wrote %s", qPrintable(path));
}

template<typename T> T *find(QWidget *window, const char *name)
{
    T *widget = window->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

void addRule(QWidget *window, const QString &cli)
{
    auto *panel = find<RulesPanel>(window, "serverRulesPanel");
    QList<Rule> rules = panel->rules();
    rules.append(*Rule::parse(cli, nullptr));
    panel->setRules(rules);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never the user's message library
    outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();

    MainWindow window;
    window.resize(1440, 900); // a laptop at full screen: room for the dump beside the log
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("no window");

    // The Auto-reply tab: the tutorial's welcome server and a ping rule, line framing.
    find<QTabWidget>(&window, "serverTabs")->setCurrentIndex(1);
    find<QComboBox>(&window, "serverFramingCombo")->setCurrentIndex(1);
    addRule(&window, QStringLiteral("connect=>Welcome to the server!\\n"));
    addRule(&window, QStringLiteral("regex:^PING (\\d+)$=>PONG \\1 at {{time}}\\n"));
    addRule(&window, QStringLiteral("exact:bye=>Bye!\\n;close"));
    QTest::mouseClick(find<QPushButton>(&window, "serverStartButton"), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return find<ServerPane>(&window, "serverPane")->snapshot().isActive(); }))
        qFatal("the server did not start");
    save(find<QWidget>(&window, "serverPane"), "auto-reply.png");

    auto *rules = find<QListWidget>(&window, "serverRulesList");
    rules->setCurrentRow(1);
    QTest::mouseClick(find<QPushButton>(&window, "serverRuleEditButton"), Qt::LeftButton);
    auto *dialog = find<RuleDialog>(&window, "serverRuleDialog");
    if (!QTest::qWaitForWindowExposed(dialog))
        qFatal("no rule dialog");
    save(dialog, "rule-dialog.png");
    dialog->reject();

    // The client connects (the greeting arrives), sends "partial " and "rest\n" in two reads.
    QTest::mouseClick(find<QPushButton>(&window, "clientConnectButton"), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return find<ClientPane>(&window, "clientPane")->snapshot().isActive(); }))
        qFatal("the client did not connect");
    auto *edit = find<QLineEdit>(&window, "clientPayloadEdit");
    find<QComboBox>(&window, "clientLineEndingCombo")->setCurrentIndex(0);
    QTest::keyClicks(edit, QStringLiteral("PING 1 partial "));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::qWait(300);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("rest\\n"));
    QTest::keyClick(edit, Qt::Key_Return);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("PING 42\\n"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::qWait(500);

    // The detail pane: the first whole message, and the two reads it came in.
    QTest::mouseClick(find<QPushButton>(&window, "logDetailsButton"), Qt::LeftButton);
    auto *log = find<QTableView>(&window, "logView");
    auto *model = qobject_cast<LogModel *>(log->model());
    for (int row = 0; row < model->rowCount(); ++row) {
        const std::optional<Event> event = model->eventAt(row);
        if (event && event->kind == EventKind::Message) {
            log->setCurrentIndex(model->index(row, 0));
            break;
        }
    }
    save(&window, "detail-pane.png");

    // Live validation: a hex mistake said under the field as it is typed.
    find<QComboBox>(&window, "clientPayloadModeCombo")->setCurrentIndex(1);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("48 65 6c 6g 6f"));
    save(find<QWidget>(&window, "clientPane"), "payload-validation.png");

    // Repeat: every 5 ms until stopped, with the running count.
    find<QComboBox>(&window, "clientPayloadModeCombo")->setCurrentIndex(0);
    find<QComboBox>(&window, "clientLineEndingCombo")->setCurrentIndex(1);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("PING {{counter}}"));
    find<QSpinBox>(&window, "clientRepeatCountSpin")->setValue(0);
    find<QSpinBox>(&window, "clientRepeatIntervalSpin")->setValue(5);
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::qWait(1200);
    save(find<QWidget>(&window, "clientPane"), "repeat.png");
    QTest::mouseClick(find<QPushButton>(&window, "clientStopButton"), Qt::LeftButton);
    find<QSpinBox>(&window, "clientRepeatCountSpin")->setValue(1);

    // The library: three saved messages in the client's Library tab.
    auto *library = window.findChild<MessageLibraryModel *>();
    const auto add = [library](const char *name, PayloadMode mode, const char *payload, LineEnding ending) {
        SavedMessage message;
        message.name = QLatin1String(name);
        message.mode = mode;
        message.payload = QLatin1String(payload);
        message.lineEnding = ending;
        library->add(message);
    };
    add("Ping with a counter", PayloadMode::Text, "PING {{counter}}", LineEnding::Lf);
    add("HTTP GET /", PayloadMode::Text, "GET / HTTP/1.1\\r\\nHost: localhost\\r\\n", LineEnding::CrLf);
    add("Modbus read registers", PayloadMode::Hex, "00 01 00 00 00 06 01 03 00 00 00 0a", LineEnding::None);
    add("Hello in base64", PayloadMode::Base64, "SGVsbG8sIHdvcmxkIQ==", LineEnding::None);
    find<QTabWidget>(&window, "clientTabs")->setCurrentIndex(2);
    save(find<QWidget>(&window, "clientPane"), "library.png");
    while (library->rowCount() > 0)
        library->remove(0);
    return 0;
}

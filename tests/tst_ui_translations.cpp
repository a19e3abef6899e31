// The window in other languages. Every string the main window and its menus
// show goes through a translator (a marker translator wraps each one in
// ⟦…⟧, and an unwrapped one is a string that never asked), each shipped
// language translates all of them, and the user's locale picks the language.
#include "clientpane.h"
#include "demo.h"
#include "diagramaccessible.h"
#include "lifecyclediagram.h"
#include "mainwindow.h"
#include "sequencediagram.h"
#include "serverpane.h"
#include "translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTranslator>
#include <QXmlStreamReader>

#include <map>
#include <memory>

using namespace SockPlay;

namespace {

const QString MarkOpen = QStringLiteral("⟦");
const QString MarkClose = QStringLiteral("⟧");

/// Translates everything, in every context (Qt's own too), to "⟦source⟧":
/// a shown string without ⟦ never went through tr().
class MarkerTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(context);
        Q_UNUSED(disambiguation);
        Q_UNUSED(n); // QCoreApplication::translate() replaces %n after us
        if (!sourceText || !*sourceText || qstrcmp(sourceText, "QT_LAYOUT_DIRECTION") == 0)
            return {};
        return MarkOpen + QString::fromUtf8(sourceText) + MarkClose;
    }
    bool isEmpty() const override { return false; }
};

/// Every human-readable string of the window, by where it is shown
/// ("serverPane/serverStartButton text"): the same key in every language.
using Shown = std::map<QString, QString>;

bool hasLetter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
}

// Where an object is, as a path of object names (or class names and the
// index among like siblings where it has none), from the window down.
QString pathOf(const QObject *object, const QObject *window)
{
    QStringList parts;
    for (const QObject *o = object; o && o != window; o = o->parent()) {
        QString part = o->objectName();
        if (part.isEmpty()) {
            part = QString::fromLatin1(o->metaObject()->className());
            if (const QObject *parent = o->parent()) {
                int index = 0;
                for (const QObject *sibling : parent->children()) {
                    if (sibling == o)
                        break;
                    if (sibling->metaObject() == o->metaObject())
                        ++index;
                }
                part += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
            }
        }
        parts.prepend(part);
    }
    return parts.join(QLatin1Char('/'));
}

class Collector
{
public:
    explicit Collector(MainWindow &window)
        : m_window(window)
    {
        // Data, not text: an endpoint's name is the user's (the log, the
        // CLI and session files know it by that name), so a pane titled
        // "server" or a tab "client 2" is not asked to translate.
        for (const ServerPane *pane : window.serverPanes())
            m_names.insert(pane->name());
        for (const ClientPane *pane : window.clientPanes())
            m_names.insert(pane->name());
    }

    /// The whole window: every widget, action and menu.
    Shown collect()
    {
        collect(&m_window);
        for (QAction *action : m_window.findChildren<QAction *>())
            addAction(action);
        for (QAction *action : m_window.menuBar()->actions())
            addMenuAction(action);
        add(&m_window, QStringLiteral("status message"), m_window.statusBar()->currentMessage());
        return m_shown;
    }

    /// One part of it (the Demo dock while a demo is loaded).
    Shown collect(QWidget *root)
    {
        addWidget(root);
        for (QWidget *w : root->findChildren<QWidget *>())
            addWidget(w);
        return m_shown;
    }

private:
    void add(const QObject *where, const QString &what, const QString &text)
    {
        QString plain = Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
        plain = plain.trimmed();
        if (!hasLetter(plain) || isData(plain))
            return;
        const QString key = pathOf(where, &m_window) + QLatin1Char(' ') + what;
        if (m_shown.count(key) && m_shown[key] != plain) // two unnamed items in one place
            m_shown.emplace(key + QLatin1Char('#') + QString::number(m_shown.size()), plain);
        else
            m_shown.emplace(key, plain);
    }

    bool isData(const QString &text) const
    {
        // Proper names: the languages the code view writes in, the TCP
        // segments the sequence diagram draws.
        static const QSet<QString> names{QStringLiteral("Python"), QStringLiteral("Go"),  QStringLiteral("C++"),
                                         QStringLiteral("SYN"),    QStringLiteral("ACK"), QStringLiteral("SYN-ACK"),
                                         QStringLiteral("FIN"),    QStringLiteral("RST")};
        if (m_names.contains(text) || names.contains(text))
            return true;
        // A URL the user will open ("ws://127.0.0.1:8080/chat"), a list of
        // protocol names as typed ("h2,http/1.1"): the letters are the protocol's.
        static const QRegularExpression url(QStringLiteral("^[a-z]+://\\S+$"));
        static const QRegularExpression alpn(QStringLiteral("^[a-z0-9]+(/[0-9.]+)?(,[a-z0-9]+(/[0-9.]+)?)+$"));
        if (url.match(text).hasMatch() || alpn.match(text).hasMatch())
            return true;
        // The system's names for its devices: a serial port listed with its
        // description ("/dev/ttyUSB0 — FT232R USB UART"), a network interface ("lo", "eth0").
        if (text.startsWith(QLatin1String("/dev/")))
            return true;
        static const QSet<QString> interfaces = [] {
            QSet<QString> names;
            for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces())
                names.insert(iface.name());
            return names;
        }();
        if (interfaces.contains(text))
            return true;
        // An address shown as such ("::1", "fe80::1%lo"): letters that are hex digits.
        return !QHostAddress(text).isNull();
    }

    void addAction(const QAction *action)
    {
        if (action->isSeparator())
            return;
        add(action, QStringLiteral("text"), action->text());
        add(action, QStringLiteral("toolTip"), action->toolTip());
        add(action, QStringLiteral("statusTip"), action->statusTip());
    }

    // The menu bar's menus and their submenus, filled as a user opening them would.
    void addMenuAction(QAction *action)
    {
        addAction(action);
        QMenu *menu = action->menu();
        if (!menu)
            return;
        emit menu->aboutToShow();
        add(menu, QStringLiteral("title"), menu->title());
        for (QAction *item : menu->actions())
            addMenuAction(item);
    }

    void addWidget(QWidget *w)
    {
        add(w, QStringLiteral("windowTitle"), w->windowTitle());
        add(w, QStringLiteral("toolTip"), w->toolTip());
        add(w, QStringLiteral("statusTip"), w->statusTip());
        add(w, QStringLiteral("whatsThis"), w->whatsThis());
        add(w, QStringLiteral("accessibleName"), w->accessibleName());
        add(w, QStringLiteral("accessibleDescription"), w->accessibleDescription());
        for (const QAction *action : w->actions())
            addAction(action);
        if (auto *label = qobject_cast<QLabel *>(w))
            add(w, QStringLiteral("text"), label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, QStringLiteral("text"), button->text());
        if (auto *group = qobject_cast<QGroupBox *>(w))
            add(w, QStringLiteral("title"), group->title());
        if (auto *menu = qobject_cast<QMenu *>(w))
            add(w, QStringLiteral("title"), menu->title());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QTextEdit *>(w))
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *progress = qobject_cast<QProgressBar *>(w))
            add(w, QStringLiteral("format"), QString(progress->format()).remove(QRegularExpression(QStringLiteral("%[pvm]"))));
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i) {
                add(w, QStringLiteral("item %1").arg(i), combo->itemText(i));
                add(w, QStringLiteral("item %1 toolTip").arg(i), combo->itemData(i, Qt::ToolTipRole).toString());
            }
        }
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            add(w, QStringLiteral("specialValueText"), spin->specialValueText());
        if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            add(w, QStringLiteral("prefix"), spin->prefix());
            add(w, QStringLiteral("suffix"), spin->suffix());
        }
        if (auto *spin = qobject_cast<QDoubleSpinBox *>(w)) {
            add(w, QStringLiteral("prefix"), spin->prefix());
            add(w, QStringLiteral("suffix"), spin->suffix());
        }
        if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, QStringLiteral("tab %1").arg(i), tabs->tabText(i));
                add(w, QStringLiteral("tab %1 toolTip").arg(i), tabs->tabToolTip(i));
            }
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int column = 0; column < model->columnCount(); ++column) {
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                    add(w, QStringLiteral("header %1 role %2").arg(column).arg(role),
                        model->headerData(column, Qt::Horizontal, role).toString());
            }
            // Row headers name rows in a few tables (the demo's counters);
            // elsewhere they are numbers. The log's million rows need not be read.
            for (int row = 0; row < std::min(model->rowCount(), 50); ++row)
                add(w, QStringLiteral("row header %1").arg(row), model->headerData(row, Qt::Vertical).toString());
        }
        // The sequence diagram's arrows, in view or not.
        if (const auto *sequence = qobject_cast<SequenceDiagram *>(w)) {
            const Ladder *ladder = sequence->ladder();
            for (qsizetype i = 0; i < ladder->arrowCount(); ++i) {
                add(w, QStringLiteral("arrow %1").arg(i), Ladder::label(ladder->arrow(i)));
                add(w, QStringLiteral("arrow %1 description").arg(i), ladder->describe(ladder->arrow(i)));
            }
        }
        // The painted diagrams (lifecycle, sequence) tell what they draw.
        if (const auto *diagram = dynamic_cast<const DiagramItems *>(w)) {
            for (int i = 0; i < diagram->diagramItemCount(); ++i) {
                add(w, QStringLiteral("item %1").arg(i), diagram->diagramItemName(i));
                add(w, QStringLiteral("item %1 description").arg(i), diagram->diagramItemDescription(i));
            }
        }
    }

    MainWindow &m_window;
    QSet<QString> m_names;
    Shown m_shown;
};

/// Passes an installed translation through, with a WORD JOINER (U+2060)
/// after each text it has: a shown string that still equals its English
/// source then tells "translated to the same words" ("Host", "Port",
/// "Demo: Echo" in German: marked) from "never translated" (not marked).
class FoundMarker final : public QTranslator
{
public:
    explicit FoundMarker(const QTranslator *translation)
        : m_translation(translation)
    {
    }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        const QString text = m_translation->translate(context, sourceText, disambiguation, n);
        return text.isEmpty() ? text : text + QChar(0x2060);
    }
    bool isEmpty() const override { return m_translation->isEmpty(); }

private:
    const QTranslator *m_translation;
};

/// Qt's own texts on its widgets (a dock's buttons, a tab bar's, a standard
/// dialog button): Qt's qtbase_<lang>.qm translates them, which
/// installTranslations() loads when the system has it (Debian:
/// qt6-translations-l10n), and a test machine may not.
const QSet<QString> QtOwnTexts{QStringLiteral("Close"), QStringLiteral("Close Tab"),
                               QStringLiteral("Closes the dock widget"), QStringLiteral("Float"),
                               QStringLiteral("Undocks and re-attaches the dock widget"),
                               QStringLiteral("Scroll Left"), QStringLiteral("Scroll Right")};

// The failure message: one line per text, where it is shown first and how
// often (a message is cut at a few kilobytes: a thousand paths would not fit).
QString listOf(const std::map<QString, QStringList> &whereByText)
{
    QString list;
    for (const auto &[text, where] : whereByText) {
        list += QStringLiteral("\n  \"%1\" at %2").arg(QString(text).replace(u'\n', QStringLiteral("\\n")), where.constFirst());
        if (where.size() > 1)
            list += QStringLiteral(" and %1 more").arg(where.size() - 1);
    }
    return list;
}

} // namespace

class TestUiTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void everyShownStringGoesThroughTr();
    void everyShownStringIsTranslated_data();
    void everyShownStringIsTranslated();
    void tsFilesHaveNoUnfinishedMessage_data();
    void tsFilesHaveNoUnfinishedMessage();
    void theLocalePicksTheLanguage_data();
    void theLocalePicksTheLanguage();

private:
    /// The window as a user finds it after opening every dock, menu and
    /// demo, and once a client talks to a server. Fails the test if it
    /// cannot get there.
    void collectWindow(Shown &shown);

    QTemporaryDir m_settingsDir;
};

void TestUiTranslations::initTestCase()
{
    // The window remembers settings: in a scratch place, never the user's.
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_translations"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
}

void TestUiTranslations::cleanup()
{
    installTranslations(*qApp, QLocale(QLocale::English)); // removes what a test installed
}

void TestUiTranslations::collectWindow(Shown &shown)
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Each demo once: its title, narration and steps in the Demo dock.
    for (const DemoInfo &demo : DemoRunner::demos()) {
        QVERIFY(window.loadDemo(demo.id));
        for (const auto &[key, text] : Collector(window).collect(window.demoDock()))
            shown.emplace(demo.id + QLatin1Char(':') + key, text);
    }
    // Every dock open (the demo's already is), as its View menu action opens it.
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        if (!dock->isVisible())
            dock->toggleViewAction()->trigger();
        QTRY_VERIFY(dock->isVisible());
    }
    // A server and a client that talk: the lifecycle diagrams and the
    // sequence diagram draw (and name) their steps and arrows.
    window.findChild<QAbstractButton *>(QStringLiteral("serverStartButton"))->click();
    QTRY_VERIFY2(window.serverPane()->snapshot().isActive(), qPrintable(window.findChild<QLabel *>(QStringLiteral("serverErrorLabel"))->text()));
    window.findChild<QAbstractButton *>(QStringLiteral("clientConnectButton"))->click();
    QTRY_VERIFY(window.clientPane()->snapshot().isActive());
    QTRY_VERIFY(!window.findChildren<LifecycleDiagram *>().isEmpty());
    QTRY_VERIFY(window.sequenceDiagram()->ladder()->arrowCount() >= 3); // the handshake
    // Help → About SockPlay: the dialog is the window's child while it is open.
    window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    QTRY_VERIFY(window.findChild<QDialog *>(QStringLiteral("aboutDialog")));
    shown.merge(Collector(window).collect());
}

void TestUiTranslations::everyShownStringGoesThroughTr()
{
    MarkerTranslator marker;
    QCoreApplication::installTranslator(&marker);
    Shown shown;
    collectWindow(shown);
    QCoreApplication::removeTranslator(&marker);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(shown.size() > 100, qPrintable(QString::number(shown.size())));

    std::map<QString, QStringList> untranslated;
    for (const auto &[where, text] : shown) {
        if (!text.contains(MarkOpen))
            untranslated[text] << where;
    }
    qInfo("%d strings walked", int(shown.size()));
    // QFAIL, not QVERIFY2: a QVERIFY2 message is cut at a kilobyte.
    if (!untranslated.empty())
        QFAIL(qPrintable(QStringLiteral("%1 strings not through tr():").arg(untranslated.size()) + listOf(untranslated)));
}

void TestUiTranslations::everyShownStringIsTranslated_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("language");
    QTest::newRow("Simplified Chinese") << QLocale(QStringLiteral("zh_CN")) << QStringLiteral("zh_CN");
    QTest::newRow("German") << QLocale(QStringLiteral("de_DE")) << QStringLiteral("de");
}

void TestUiTranslations::everyShownStringIsTranslated()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, language);
    Shown english;
    collectWindow(english);
    if (QTest::currentTestFailed())
        return;
    const InstalledTranslations installed = installTranslations(*qApp, locale);
    QCOMPARE(installed.language, language);
    auto *translation = qApp->findChild<QTranslator *>(QStringLiteral("sockplayTranslator"));
    QVERIFY(translation);
    QCoreApplication::removeTranslator(translation);
    FoundMarker marked(translation);
    QCoreApplication::installTranslator(&marked);
    Shown translated;
    collectWindow(translated);
    QCoreApplication::removeTranslator(&marked);
    if (QTest::currentTestFailed())
        return;

    std::map<QString, QStringList> untranslated;
    for (const auto &[where, text] : translated) {
        const auto source = english.find(where);
        if (source != english.end() && source->second == text && !(QtOwnTexts.contains(text) && !installed.qt))
            untranslated[text] << where;
    }
    if (!untranslated.empty())
        QFAIL(qPrintable(QStringLiteral("%1 strings still English:").arg(untranslated.size()) + listOf(untranslated)));
}

void TestUiTranslations::tsFilesHaveNoUnfinishedMessage_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("Simplified Chinese") << QStringLiteral("sockplay_zh_CN.ts");
    QTest::newRow("German") << QStringLiteral("sockplay_de.ts");
}

void TestUiTranslations::tsFilesHaveNoUnfinishedMessage()
{
    QFETCH(QString, file);
    QFile ts(QStringLiteral(SOCKPLAY_TRANSLATIONS_DIR "/") + file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName() + QStringLiteral(": ") + ts.errorString()));

    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    int messages = 0;
    std::map<QString, QStringList> missing; // source text: its contexts
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            // Strings the sources no longer have stay for the translator's reference only.
            const bool gone = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
            // A plural message holds its forms in <numerusform> children.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (gone)
                continue;
            ++messages;
            if (type == QLatin1String("unfinished") || text.trimmed().isEmpty())
                missing[source] << context;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 500);
    qInfo("%d messages", messages);
    if (!missing.empty()) {
        qsizetype count = 0;
        for (const auto &[source, contexts] : missing)
            count += contexts.size();
        QFAIL(qPrintable(QStringLiteral("%1 of %2 messages not translated:").arg(count).arg(messages)
                         + listOf(missing)));
    }
}

void TestUiTranslations::theLocalePicksTheLanguage_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("language");
    QTest::newRow("German in Austria") << QLocale(QStringLiteral("de_AT")) << QStringLiteral("de");
    QTest::newRow("German") << QLocale(QStringLiteral("de_DE")) << QStringLiteral("de");
    QTest::newRow("Simplified Chinese") << QLocale(QStringLiteral("zh_CN")) << QStringLiteral("zh_CN");
    QTest::newRow("French: none, English") << QLocale(QStringLiteral("fr_FR")) << QString();
    QTest::newRow("English: none") << QLocale(QStringLiteral("en_US")) << QString();
}

void TestUiTranslations::theLocalePicksTheLanguage()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, language);
    const InstalledTranslations installed = installTranslations(*qApp, locale);
    QCOMPARE(installed.language, language);
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
    QCOMPARE(translators.size(), language.isEmpty() ? 0 : 1 + int(installed.qt));
    QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
}

QTEST_MAIN(TestUiTranslations)
#include "tst_ui_translations.moc"

// Presenter mode as a teacher uses it (F5 before the class): large type,
// high contrast measured with WCAG's formula, a thick focus ring, advanced
// controls out of the way and back after; zoom from anywhere, remembered;
// tables that fit a narrow, zoomed window; the payload boxes' names.
#include "connectionsmodel.h"
#include "connectionsview.h"
#include "contrast.h"
#include "eventlog.h"
#include "focusring.h"
#include "logmodel.h"
#include "logtableview.h"
#include "logview.h"
#include "mainwindow.h"
#include "payloadeditor.h"
#include "presentermode.h"
#include "serverpane.h"
#include "session.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFontInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SockPlay;

Q_DECLARE_METATYPE(QPalette::ColorGroup)
Q_DECLARE_METATYPE(QPalette::ColorRole)

class TestUiPresenter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void contrastRatioMatchesWcag_data();
    void contrastRatioMatchesWcag();
    void f5TogglesLargeType();
    void presenterPaletteTextReads_data();
    void presenterPaletteTextReads();
    void normalPaletteGreysRead_data();
    void normalPaletteGreysRead();
    void advancedControlsHideAndComeBack();
    void focusRingFollowsFocus();
    void focusRingIsClippedToAScrollArea();
    void teachingViewsComeUpFront();
    void zoomShortcutsWorkFromDeepInside();
    void presenterModeAndZoomAreRemembered();
    void fitWidthsSharesFairly_data();
    void fitWidthsSharesFairly();
    void logTableFitsANarrowZoomedWidth_data();
    void logTableFitsANarrowZoomedWidth();
    void connectionsTableFitsANarrowWidth();
    void payloadBoxesHaveTheirNames_data();
    void payloadBoxesHaveTheirNames();
    void eventCountNameHasTheNumber();

private:
    std::unique_ptr<MainWindow> newWindow(bool remembering = false);
    QTemporaryDir m_settingsDir;
};

void TestUiPresenter::initTestCase()
{
    // The window remembers settings: in a scratch place, never the user's.
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SockPlayTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_presenter"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QStandardPaths::setTestModeEnabled(true);
}

std::unique_ptr<MainWindow> TestUiPresenter::newWindow(bool remembering)
{
    auto window = std::make_unique<MainWindow>();
    if (remembering)
        window->restoreSettings();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    QApplication::setActiveWindow(window.get());
    return window;
}

void TestUiPresenter::contrastRatioMatchesWcag_data()
{
    QTest::addColumn<QColor>("first");
    QTest::addColumn<QColor>("second");
    QTest::addColumn<double>("ratio");
    // Values from WCAG 2's definition (and the WebAIM checker).
    QTest::newRow("black on white") << QColor(Qt::black) << QColor(Qt::white) << 21.0;
    QTest::newRow("white on black, either order") << QColor(Qt::white) << QColor(Qt::black) << 21.0;
    QTest::newRow("the same colour") << QColor(0x80, 0x80, 0x80) << QColor(0x80, 0x80, 0x80) << 1.0;
    QTest::newRow("#777 on white, just under AA") << QColor(0x77, 0x77, 0x77) << QColor(Qt::white) << 4.48;
    QTest::newRow("#767676 on white, just over AA") << QColor(0x76, 0x76, 0x76) << QColor(Qt::white) << 4.54;
    QTest::newRow("pure red on white") << QColor(Qt::red) << QColor(Qt::white) << 4.0;
    QTest::newRow("half transparent black on white reads as grey")
        << QColor(0, 0, 0, 128) << QColor(Qt::white) << 4.0; // #7f7f7f
}

void TestUiPresenter::contrastRatioMatchesWcag()
{
    QFETCH(QColor, first);
    QFETCH(QColor, second);
    QFETCH(double, ratio);
    QVERIFY2(qAbs(contrastRatio(first, second) - ratio) < 0.01,
             qPrintable(QString::number(contrastRatio(first, second))));
    // withContrast() makes a colour readable, and leaves a readable one alone.
    const QColor readable = withContrast(first, {second}, 4.5);
    QVERIFY(contrastRatio(readable, second) >= 4.5);
    if (ratio >= 4.5)
        QCOMPARE(readable, first);
}

void TestUiPresenter::f5TogglesLargeType()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    QAction *action = window->findChild<QAction *>(QStringLiteral("presenterModeAction"));
    QVERIFY(action);
    QVERIFY(action->isCheckable());
    auto *viewMenu = window->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(viewMenu && viewMenu->actions().contains(action));
    QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F5));

    auto *port = window->findChild<QSpinBox *>(QStringLiteral("serverPortSpin"));
    auto *table = window->logView()->tableView();
    QVERIFY(port && table);
    // The script dock floating: a window of its own, which fonts do not reach by themselves.
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("scriptDock"));
    QVERIFY(dock);
    dock->setFloating(true);
    dock->show();
    const int before = QFontInfo(port->font()).pixelSize();
    const int zoom = window->zoom();
    QVERIFY2(before < PresenterMode::MinimumBodyPixels, "the test must start below presenter size");

    table->setFocus();
    QTest::keyClick(table, Qt::Key_F5);
    QVERIFY(window->presenterMode()->isOn());
    QVERIFY(action->isChecked());
    // High contrast: what the window and its floating dock draw with.
    for (const QWidget *widget : std::initializer_list<const QWidget *>{table, dock->widget(), viewMenu}) {
        for (const QPalette::ColorRole role : {QPalette::Window, QPalette::WindowText, QPalette::PlaceholderText, QPalette::Highlight})
            QCOMPARE(widget->palette().color(role), PresenterMode::presenterPalette().color(role));
    }
    for (QWidget *widget : std::initializer_list<QWidget *>{port, table, table->horizontalHeader(), dock->widget(), viewMenu}) {
        QVERIFY2(QFontInfo(widget->font()).pixelSize() >= PresenterMode::MinimumBodyPixels,
                 qPrintable(widget->objectName() + QStringLiteral(" %1 px").arg(QFontInfo(widget->font()).pixelSize())));
    }

    QTest::keyClick(table, Qt::Key_F5);
    QVERIFY(!window->presenterMode()->isOn());
    QCOMPARE(window->zoom(), zoom);
    QCOMPARE(QFontInfo(port->font()).pixelSize(), before);
    QCOMPARE(QFontInfo(dock->widget()->font()).pixelSize(), before);
}

void TestUiPresenter::presenterPaletteTextReads_data()
{
    QTest::addColumn<QPalette::ColorGroup>("group");
    QTest::addColumn<QPalette::ColorRole>("text");
    QTest::addColumn<QPalette::ColorRole>("background");
    const QList<std::pair<QPalette::ColorGroup, const char *>> groups = {
        {QPalette::Active, "active"}, {QPalette::Inactive, "inactive"}, {QPalette::Disabled, "disabled"}};
    const QList<std::pair<QPalette::ColorRole, const char *>> texts = {
        {QPalette::WindowText, "WindowText"}, {QPalette::Text, "Text"}, {QPalette::ButtonText, "ButtonText"},
        {QPalette::PlaceholderText, "PlaceholderText"}, {QPalette::Link, "Link"}};
    const QList<std::pair<QPalette::ColorRole, const char *>> backgrounds = {
        {QPalette::Window, "Window"}, {QPalette::Base, "Base"}, {QPalette::Button, "Button"},
        {QPalette::AlternateBase, "AlternateBase"}};
    for (const auto &[group, groupName] : groups) {
        for (const auto &[text, textName] : texts) {
            for (const auto &[background, backgroundName] : backgrounds)
                QTest::addRow("%s %s on %s", groupName, textName, backgroundName) << group << text << background;
        }
        QTest::addRow("%s HighlightedText on Highlight", groupName) << group << QPalette::HighlightedText << QPalette::Highlight;
        QTest::addRow("%s ToolTipText on ToolTipBase", groupName) << group << QPalette::ToolTipText << QPalette::ToolTipBase;
    }
}

void TestUiPresenter::presenterPaletteTextReads()
{
    QFETCH(QPalette::ColorGroup, group);
    QFETCH(QPalette::ColorRole, text);
    QFETCH(QPalette::ColorRole, background);
    // The window draws with it: f5TogglesLargeType checks.
    const QPalette palette = PresenterMode::presenterPalette();
    const qreal ratio = contrastRatio(palette.color(group, text), palette.color(group, background));
    QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
}

void TestUiPresenter::normalPaletteGreysRead_data()
{
    QTest::addColumn<QPalette::ColorGroup>("group");
    QTest::addColumn<QPalette::ColorRole>("text");
    QTest::addColumn<QPalette::ColorRole>("background");
    QTest::newRow("placeholder on Base") << QPalette::Active << QPalette::PlaceholderText << QPalette::Base;
    QTest::newRow("placeholder on Window") << QPalette::Active << QPalette::PlaceholderText << QPalette::Window;
    QTest::newRow("disabled Text on Base") << QPalette::Disabled << QPalette::Text << QPalette::Base;
    QTest::newRow("disabled WindowText on Window") << QPalette::Disabled << QPalette::WindowText << QPalette::Window;
    QTest::newRow("disabled ButtonText on Button") << QPalette::Disabled << QPalette::ButtonText << QPalette::Button;
}

void TestUiPresenter::normalPaletteGreysRead()
{
    QFETCH(QPalette::ColorGroup, group);
    QFETCH(QPalette::ColorRole, text);
    QFETCH(QPalette::ColorRole, background);
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    QVERIFY(!window->presenterMode()->isOn());
    const QPalette palette = window->findChild<QLineEdit *>(QStringLiteral("serverPayloadEdit"))->palette();
    const qreal ratio = contrastRatio(palette.color(group, text), palette.color(group, background));
    QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
}

void TestUiPresenter::advancedControlsHideAndComeBack()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    const QStringList advanced = {QStringLiteral("logFilterBar"), QStringLiteral("logExportBar"),
                                  QStringLiteral("logLimitsButton"), QStringLiteral("logPayloadModeCombo"),
                                  QStringLiteral("logDetailsButton"), QStringLiteral("serverPayloadModeCombo"),
                                  QStringLiteral("serverLineEndingCombo"), QStringLiteral("serverRepeatCountSpin"),
                                  QStringLiteral("clientRepeatIntervalSpin"), QStringLiteral("clientPayloadModeCombo")};
    const QStringList teaching = {QStringLiteral("clientPayloadEdit"), QStringLiteral("clientSendButton"),
                                  QStringLiteral("logClearButton"), QStringLiteral("logView")};
    // Hidden before (File mode has no line ending): stays hidden after.
    auto *clientMode = window->findChild<QComboBox *>(QStringLiteral("clientPayloadModeCombo"));
    clientMode->setCurrentIndex(clientMode->findData(int(PayloadEditor::Mode::File)));
    auto *clientEnding = window->findChild<QComboBox *>(QStringLiteral("clientLineEndingCombo"));
    QVERIFY(clientEnding->isHidden());
    // A tab page marked advanced: its tab goes, and the page shown before comes back.
    auto *tabs = window->serverPane()->findChild<QTabWidget *>();
    QVERIFY(tabs && tabs->count() >= 2);
    QWidget *page = tabs->widget(1);
    PresenterMode::markAdvanced(page);
    tabs->setCurrentIndex(1);

    window->presenterMode()->setOn(true);
    for (const QString &name : advanced) {
        auto *widget = window->findChild<QWidget *>(name);
        QVERIFY2(widget, qPrintable(name));
        QVERIFY2(widget->isHidden(), qPrintable(name + QStringLiteral(" shows in presenter mode")));
    }
    for (const QString &name : teaching)
        QVERIFY2(window->findChild<QWidget *>(name)->isVisible(), qPrintable(name));
    QVERIFY(!tabs->isTabVisible(1));
    QVERIFY(tabs->currentIndex() != 1);
    // The application shows a hidden control meanwhile (back to Text mode):
    // it waits for the end of presenter mode.
    clientMode->setCurrentIndex(clientMode->findData(int(PayloadEditor::Mode::Text)));
    QVERIFY(clientEnding->isHidden());

    window->presenterMode()->setOn(false);
    for (const QString &name : advanced)
        QVERIFY2(!window->findChild<QWidget *>(name)->isHidden(), qPrintable(name + QStringLiteral(" stays hidden")));
    QVERIFY(!clientEnding->isHidden());
    QVERIFY(tabs->isTabVisible(1));
    QCOMPARE(tabs->currentIndex(), 1);

    // And a control hidden before presenter mode stays hidden after it.
    clientMode->setCurrentIndex(clientMode->findData(int(PayloadEditor::Mode::File)));
    window->presenterMode()->setOn(true);
    window->presenterMode()->setOn(false);
    QVERIFY(clientEnding->isHidden());
    QVERIFY(!clientMode->isHidden());
}

void TestUiPresenter::focusRingFollowsFocus()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    FocusRing *ring = window->presenterMode()->focusRing();
    QVERIFY(ring);
    auto *edit = window->findChild<QLineEdit *>(QStringLiteral("clientPayloadEdit"));
    edit->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), edit);
    QVERIFY2(!ring->isVisible(), "no ring outside presenter mode");

    window->presenterMode()->setOn(true);
    QCOMPARE(ring->target(), edit);
    QTRY_VERIFY(ring->isVisible()); // the panes scroll to keep the focus in view
    QVERIFY(ring->thickness() >= 3);
    QVERIFY2(ring->thickness() >= 4, "the ring grows with presenter mode's text");
    QVERIFY(contrastRatio(ring->color(), window->palette().color(QPalette::Window)) >= 3.0);
    // Painted around the field: the pixel just outside its corner is the ring's colour.
    // (Presenter mode re-lays the window out once more after turning on: wait for it.)
    const auto ringAtCorner = [&] {
        const QPoint corner = edit->mapTo(window.get(), QPoint(0, 0)) - QPoint(2, 2);
        return window->grab().toImage().pixelColor(corner * window->devicePixelRatio()) == ring->color();
    };
    QTRY_VERIFY(ringAtCorner());
    const QRect ringArea(ring->mapTo(window.get(), QPoint(0, 0)), ring->size());
    // Around the field's visible part (the panes may scroll below it).
    const QRect visible = edit->visibleRegion().boundingRect();
    QVERIFY(!visible.isEmpty());
    QVERIFY(ringArea.contains(QRect(edit->mapTo(window.get(), visible.topLeft()), visible.size())));

    // Focus moves: the ring follows.
    QTableView *table = window->logView()->tableView();
    table->setFocus();
    QTRY_COMPARE(ring->target(), table);
    const QPoint tableCorner = table->mapTo(window.get(), QPoint(0, 0)) - QPoint(2, 2);
    QCOMPARE(window->grab().toImage().pixelColor(tableCorner * window->devicePixelRatio()), ring->color());

    // Into a floating dock (a window of its own), and out of it as it goes away.
    auto *dock = new QDockWidget(QStringLiteral("Floating"), window.get());
    auto *field = new QLineEdit(dock);
    dock->setWidget(field);
    dock->setFloating(true);
    dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(dock));
    QApplication::setActiveWindow(dock);
    field->setFocus();
    QTRY_COMPARE(ring->target(), field);
    QCOMPARE(ring->parentWidget(), dock);
    QVERIFY(ring->isVisible());
    delete dock;
    QVERIFY2(window->presenterMode()->focusRing(), "the ring outlives the dock it was in");
    QApplication::setActiveWindow(window.get());
    table->setFocus();
    QTRY_COMPARE(ring->target(), table);

    window->presenterMode()->setOn(false);
    QVERIFY(!ring->isVisible());
    QCOMPARE(ring->target(), nullptr);
    QVERIFY(window->grab().toImage().pixelColor(tableCorner * window->devicePixelRatio()) != ring->color());
}

void TestUiPresenter::focusRingIsClippedToAScrollArea()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    // A field half scrolled out of a scroll area's view (as panes in a workspace may be).
    auto *dock = new QDockWidget(QStringLiteral("Scrolled"), window.get());
    auto *area = new QScrollArea(dock);
    auto *content = new QWidget;
    content->setFixedSize(100, 1000);
    auto *field = new QLineEdit(content);
    field->setGeometry(20, 480, 60, 40);
    area->setWidget(content);
    dock->setWidget(area);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->show();
    area->setFixedSize(160, 200);
    QCoreApplication::sendPostedEvents();
    area->verticalScrollBar()->setValue(480 - area->viewport()->height() + 20); // the field's lower half below the edge

    window->presenterMode()->setOn(true);
    field->setFocus();
    FocusRing *ring = window->presenterMode()->focusRing();
    QTRY_COMPARE(ring->target(), field);
    QVERIFY(ring->isVisible());
    const QRect viewport(area->viewport()->mapTo(window.get(), QPoint(0, 0)), area->viewport()->size());
    const QRect ringArea(ring->mapTo(window.get(), QPoint(0, 0)), ring->size());
    QVERIFY2(viewport.contains(ringArea), "the ring stays inside what the scroll area shows");
    QVERIFY(ringArea.height() < field->height()); // half the field, half the ring

    // Scrolled out of view: no ring; back: the ring follows.
    area->verticalScrollBar()->setValue(0);
    QTRY_VERIFY(!ring->isVisible());
    area->ensureWidgetVisible(field);
    QTRY_VERIFY(ring->isVisible());
    QVERIFY(QRect(ring->mapTo(window.get(), QPoint(0, 0)), ring->size())
                .contains(QRect(field->mapTo(window.get(), QPoint(0, 0)), field->size())));
}

void TestUiPresenter::teachingViewsComeUpFront()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    // Two docks stand in for the lifecycle and sequence diagrams: one closed, one open.
    auto *closed = new QDockWidget(QStringLiteral("Lifecycle"), window.get());
    auto *open = new QDockWidget(QStringLiteral("Sequence"), window.get());
    window->addDockWidget(Qt::BottomDockWidgetArea, closed);
    window->addDockWidget(Qt::BottomDockWidgetArea, open);
    closed->hide();
    open->show();
    window->presenterMode()->setTeachingViews({closed, open});

    window->presenterMode()->setOn(true);
    QVERIFY(closed->isVisible());
    QVERIFY(open->isVisible());
    // They get presenter mode's look like the rest of the window.
    QCOMPARE(closed->palette().color(QPalette::Window), PresenterMode::presenterPalette().color(QPalette::Window));

    window->presenterMode()->setOn(false);
    QVERIFY2(closed->isHidden(), "put back as it was");
    QVERIFY(open->isVisible());
}

void TestUiPresenter::zoomShortcutsWorkFromDeepInside()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    QTableView *table = window->logView()->tableView();
    table->setFocus();
    const int zoom = window->zoom();
    QTest::keyClick(table, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window->zoom(), zoom + MainWindow::ZoomStep);
    QTest::keyClick(table->viewport(), Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(window->zoom(), zoom + 2 * MainWindow::ZoomStep);
    QTest::keyClick(table, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(window->zoom(), zoom + MainWindow::ZoomStep);

    // From the floating script panel, a window of its own.
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("scriptDock"));
    dock->setFloating(true);
    dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(dock));
    QApplication::setActiveWindow(dock);
    QWidget *inside = dock->widget()->focusWidget() ? dock->widget()->focusWidget() : dock->widget();
    QTest::keyClick(inside, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(window->zoom(), 100);
    QTest::keyClick(inside, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window->zoom(), 100 + MainWindow::ZoomStep);
    QVERIFY2(QFontInfo(inside->font()).pixelSize() > QFontInfo(QApplication::font()).pixelSize(),
             "the floating dock's text follows the zoom");
    QTest::keyClick(inside, Qt::Key_F5);
    QVERIFY(window->presenterMode()->isOn());
}

void TestUiPresenter::presenterModeAndZoomAreRemembered()
{
    QSettings().clear();
    {
        const std::unique_ptr<MainWindow> window = newWindow(true);
        QVERIFY(window);
        window->presenterMode()->setOn(true);
        QVERIFY(window->zoom() >= window->presenterMode()->presenterZoom());
        window->close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("view/presenter")).toBool(), true);
    QCOMPARE(QSettings().value(QStringLiteral("window/zoom")).toInt(), 100); // the user's, not presenter mode's
    {
        const std::unique_ptr<MainWindow> window = newWindow(true);
        QVERIFY(window);
        QVERIFY(window->presenterMode()->isOn());
        // Turned on before the window showed (the window's first zoom): every part follows all the same.
        for (const QWidget *widget : std::initializer_list<const QWidget *>{
                 window->logView()->tableView(), window->logView()->tableView()->horizontalHeader(),
                 window->findChild<QTableView *>(QStringLiteral("serverConnectionsTable"))->horizontalHeader(),
                 window->findChild<QLabel *>(QStringLiteral("logTitleLabel"))}) {
            QVERIFY(widget);
            QVERIFY2(QFontInfo(widget->font()).pixelSize() >= PresenterMode::MinimumBodyPixels,
                     qPrintable(QStringLiteral("%1 %2 px").arg(QLatin1String(widget->metaObject()->className())).arg(QFontInfo(widget->font()).pixelSize())));
        }
        QTest::keyClick(window->logView()->tableView(), Qt::Key_F5);
        QCOMPARE(window->zoom(), 100);
        window->setZoom(120);
        window->close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("view/presenter")).toBool(), false);
    const std::unique_ptr<MainWindow> window = newWindow(true);
    QVERIFY(!window->presenterMode()->isOn());
    QCOMPARE(window->zoom(), 120);
}

void TestUiPresenter::fitWidthsSharesFairly_data()
{
    QTest::addColumn<QList<int>>("wanted");
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<int>("available");
    QTest::addColumn<QList<int>>("widths");
    QTest::newRow("room: all they want") << QList<int>{100, 50, 300} << QList<int>{1, 1, 1} << 500 << QList<int>{100, 50, 300};
    QTest::newRow("short columns stay whole, long ones share")
        << QList<int>{100, 50, 300, 400} << QList<int>{1, 1, 1, 1} << 450 << QList<int>{100, 50, 150, 150};
    QTest::newRow("by weight") << QList<int>{400, 400} << QList<int>{1, 3} << 400 << QList<int>{100, 300};
    QTest::newRow("a light column that wants little is whole")
        << QList<int>{40, 400} << QList<int>{1, 3} << 300 << QList<int>{40, 260};
    QTest::newRow("never below the minimum") << QList<int>{100, 100, 100} << QList<int>{1, 1, 1} << 60
                                             << QList<int>{30, 30, 30};
}

void TestUiPresenter::fitWidthsSharesFairly()
{
    QFETCH(QList<int>, wanted);
    QFETCH(QList<int>, weights);
    QFETCH(int, available);
    QFETCH(QList<int>, widths);
    QCOMPARE(LogTableView::fitWidths(wanted, weights, 30, available), widths);
}

void TestUiPresenter::logTableFitsANarrowZoomedWidth_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("450 px at 100%") << 450 << 1.0;
    QTest::newRow("450 px at presenter size") << 450 << 1.5;
    QTest::newRow("450 px at 200%") << 450 << 2.0;
    QTest::newRow("700 px at 200%") << 700 << 2.0;
    QTest::newRow("1900 px at 100%: all they want") << 1900 << 1.0;
}

void TestUiPresenter::logTableFitsANarrowZoomedWidth()
{
    QFETCH(int, width);
    QFETCH(qreal, scale);
    EventLog log;
    LogModel model(&log);
    const EventSourcePtr source = makeEventSource(1, 1000, QStringLiteral("server"), QHostAddress::LocalHost, 65535,
                                                  QHostAddress::LocalHost, 40001);
    for (int i = 0; i < 30; ++i) {
        Event event;
        event.kind = EventKind::Received;
        event.source = source;
        event.payload = QByteArray("a long line of text that no narrow column shows whole, number ") + QByteArray::number(i);
        event.byteCount = event.payload.size();
        log.append(event);
    }
    log.flush();
    QCOMPARE(model.rowCount(), 30);

    LogTableView table;
    QFont font = table.font();
    font.setPointSizeF(qMax<qreal>(11, font.pointSizeF()) * scale);
    table.setFont(font);
    table.setModel(&model);
    table.applyFontMetrics(&model);
    table.resize(width, 300);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    QCoreApplication::sendPostedEvents();

    QVERIFY2(!table.horizontalScrollBar()->isVisible(), "the main columns need no horizontal scroll bar");
    const QHeaderView *header = table.horizontalHeader();
    const int fewCharacters = table.fontMetrics().averageCharWidth() * 3;
    for (int column = 0; column <= LogModel::PayloadColumn; ++column)
        QVERIFY2(header->sectionSize(column) >= fewCharacters, qPrintable(QString::number(column)));
    QVERIFY(header->length() <= table.viewport()->width());
    // The payload is longer than its column: the view elides it.
    const QString payload = model.index(0, LogModel::PayloadColumn).data().toString();
    const QFont payloadFont = model.index(0, LogModel::PayloadColumn).data(Qt::FontRole).value<QFont>();
    QCOMPARE(table.textElideMode(), Qt::ElideRight);
    if (width < 1900) {
        QVERIFY(QFontMetrics(payloadFont).horizontalAdvance(payload) > header->sectionSize(LogModel::PayloadColumn));
    } else { // room: every column as wide as it wants
        QCOMPARE(header->sectionSize(LogModel::TimeColumn),
                 table.fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + table.fontMetrics().averageCharWidth() * 3);
    }
}

void TestUiPresenter::connectionsTableFitsANarrowWidth()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    ConnectionsModel model(window->session(), window->serverPane()->endpointId());
    ConnectionsView view(&model);
    QFont font = view.font();
    font.setPointSizeF(qMax<qreal>(11, font.pointSizeF()) * 1.5);
    view.setFont(font);
    view.resize(320, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::sendPostedEvents();
    const QHeaderView *header = view.horizontalHeader();
    QVERIFY(header->length() <= view.viewport()->width());
    QVERIFY(!view.horizontalScrollBar()->isVisible());
    const int fewCharacters = view.fontMetrics().averageCharWidth() * 3;
    for (int column = 0; column < ConnectionsModel::ColumnCount; ++column)
        QVERIFY2(header->sectionSize(column) >= fewCharacters, qPrintable(QString::number(column)));
    // ID and Peer first: Peer keeps more than any rate or count.
    for (int column = ConnectionsModel::InRateColumn; column < ConnectionsModel::SinceColumn; ++column)
        QVERIFY(header->sectionSize(ConnectionsModel::PeerColumn) > header->sectionSize(column));
}

void TestUiPresenter::payloadBoxesHaveTheirNames_data()
{
    QTest::addColumn<QString>("objectName");
    QTest::addColumn<QString>("accessibleName");
    QTest::newRow("server mode") << QStringLiteral("serverPayloadModeCombo") << QStringLiteral("Server payload mode");
    QTest::newRow("server ending") << QStringLiteral("serverLineEndingCombo") << QStringLiteral("Server line ending");
    QTest::newRow("client mode") << QStringLiteral("clientPayloadModeCombo") << QStringLiteral("Client payload mode");
    QTest::newRow("client ending") << QStringLiteral("clientLineEndingCombo") << QStringLiteral("Client line ending");
}

void TestUiPresenter::payloadBoxesHaveTheirNames()
{
    QFETCH(QString, objectName);
    QFETCH(QString, accessibleName);
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    auto *combo = window->findChild<QComboBox *>(objectName);
    QVERIFY(combo);
    QCOMPARE(combo->accessibleName(), accessibleName);
    // A later pane keeps the scheme: its prefix as a word, its number after.
    PayloadEditor later(objectName.startsWith(QLatin1String("server")) ? QStringLiteral("server2") : QStringLiteral("client2"),
                        QStringLiteral("Send"));
    auto *laterCombo = later.findChild<QComboBox *>(QString(objectName).insert(6, QLatin1Char('2')));
    QVERIFY(laterCombo);
    QCOMPARE(laterCombo->accessibleName(), QString(accessibleName).insert(6, QStringLiteral(" 2")));
}

void TestUiPresenter::eventCountNameHasTheNumber()
{
    const std::unique_ptr<MainWindow> window = newWindow();
    QVERIFY(window);
    auto *count = window->findChild<QLabel *>(QStringLiteral("logCountLabel"));
    QVERIFY(count);
    window->session()->logNote(QStringLiteral("test"), QStringLiteral("one"));
    window->session()->logNote(QStringLiteral("test"), QStringLiteral("two"));
    QTRY_VERIFY(count->text().contains(QLatin1Char('2')));
    QVERIFY2(count->accessibleName().contains(count->text()), qPrintable(count->accessibleName()));
}

QTEST_MAIN(TestUiPresenter)
#include "tst_ui_presenter.moc"

#include "presentermode.h"

#include "contrast.h"
#include "focusring.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QMenu>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolTip>

#include <cmath>

namespace SockPlay {

namespace {

// The dynamic property markAdvanced() sets.
constexpr char advancedProperty[] = "sockplayAdvanced";

// WCAG AA for text; a focus indicator needs 3:1.
constexpr qreal textContrast = 4.5;

// The page of a QTabWidget that widget is, or nullptr.
QTabWidget *tabsOfPage(QWidget *widget)
{
    QWidget *stack = widget->parentWidget();
    if (!qobject_cast<QStackedWidget *>(stack))
        return nullptr;
    auto *tabs = qobject_cast<QTabWidget *>(stack->parentWidget());
    return tabs && tabs->indexOf(widget) >= 0 ? tabs : nullptr;
}

bool isExplicitlyHidden(const QWidget *widget)
{
    return widget->testAttribute(Qt::WA_WState_ExplicitShowHide) && widget->testAttribute(Qt::WA_WState_Hidden);
}

} // namespace

PresenterMode::PresenterMode(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("presenterMode"));
    m_normalPalette = readablePalette(window->palette());
    applyPalette(m_normalPalette);

    m_focusRing = new FocusRing(window);
    m_focusRing->setColor(focusRingColor());

    m_action = new QAction(tr("Presenter mode"), window);
    m_action->setObjectName(QStringLiteral("presenterModeAction"));
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F5));
    m_action->setShortcutContext(Qt::ApplicationShortcut); // also from a floating dock
    m_action->setToolTip(tr("Large text, high contrast, a thick focus ring, the teaching views up front (F5)"));
    m_action->setStatusTip(m_action->toolTip());
    window->addAction(m_action); // F5 works with the menu bar hidden too
    connect(m_action, &QAction::toggled, this, &PresenterMode::setOn);
}

PresenterMode::~PresenterMode()
{
    // The tooltips' look is the application's: it goes back with us.
    if (m_on)
        QToolTip::setPalette(m_normalPalette);
}

void PresenterMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    m_action->setChecked(on);
    if (on) {
        // Hidden first: the window grows by what the larger text needs, not
        // by the advanced controls it no longer shows.
        const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (isAdvanced(widget))
                hideAdvanced(widget);
        }
        // Panes added while on are polished before they show: hidden then.
        qApp->installEventFilter(this);
        m_userZoom = m_window->zoom();
        m_window->setZoom(qMax(m_userZoom, presenterZoom()));
        applyPalette(presenterPalette());
        QToolTip::setPalette(presenterPalette());
        if (m_focusRing)
            m_focusRing->setActive(true);
        showTeachingViews();
    } else {
        qApp->removeEventFilter(this);
        if (m_focusRing)
            m_focusRing->setActive(false);
        QToolTip::setPalette(m_normalPalette);
        applyPalette(m_normalPalette);
        m_window->setZoom(m_userZoom);
        restoreAdvanced();
        restoreTeachingViews();
    }
    emit toggled(on);
}

FocusRing *PresenterMode::focusRing() const
{
    return m_focusRing.data();
}

int PresenterMode::userZoom() const
{
    return m_on ? m_userZoom : m_window->zoom();
}

int PresenterMode::presenterZoom() const
{
    // The text's size at 100%, in pixels on this screen.
    const QFont font = m_window->font();
    const qreal zoom = m_window->zoom() / 100.0;
    const qreal pixels = font.pixelSize() > 0 ? font.pixelSize() / zoom
                                              : font.pointSizeF() * m_window->logicalDpiY() / 72.0 / zoom;
    if (pixels <= 0)
        return DefaultZoom;
    const int steps = int(std::ceil(MinimumBodyPixels * 100.0 / pixels / MainWindow::ZoomStep - 1e-9));
    return qBound(MainWindow::MinZoom, qMax(DefaultZoom, steps * MainWindow::ZoomStep), MainWindow::MaxZoom);
}

void PresenterMode::markAdvanced(QWidget *widget)
{
    widget->setProperty(advancedProperty, true);
}

bool PresenterMode::isAdvanced(const QWidget *widget)
{
    return widget->property(advancedProperty).toBool();
}

void PresenterMode::setTeachingViews(const QList<QWidget *> &views)
{
    if (m_on)
        restoreTeachingViews();
    m_teachingViews.clear();
    for (QWidget *view : views)
        m_teachingViews.append(view);
    if (m_on)
        showTeachingViews();
}

QPalette PresenterMode::presenterPalette()
{
    // Black on white reads best in a lit room; the selection is dark blue
    // with white text, the placeholder and disabled text a dark grey.
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    const QColor button(0xe6, 0xe6, 0xe6);
    const QColor alternate(0xee, 0xf2, 0xf7);
    const QColor highlight(0x0b, 0x3d, 0x91);
    const QColor grey(0x4d, 0x4d, 0x4d);
    const QColor disabled(0x59, 0x59, 0x59);
    QPalette palette(button, white);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool off = group == QPalette::Disabled;
        palette.setColor(group, QPalette::Window, white);
        palette.setColor(group, QPalette::WindowText, off ? disabled : black);
        palette.setColor(group, QPalette::Base, white);
        palette.setColor(group, QPalette::AlternateBase, alternate);
        palette.setColor(group, QPalette::Text, off ? disabled : black);
        palette.setColor(group, QPalette::Button, button);
        palette.setColor(group, QPalette::ButtonText, off ? disabled : black);
        palette.setColor(group, QPalette::BrightText, white);
        palette.setColor(group, QPalette::PlaceholderText, grey);
        palette.setColor(group, QPalette::Highlight, highlight);
        palette.setColor(group, QPalette::HighlightedText, white);
        palette.setColor(group, QPalette::ToolTipBase, QColor(0xff, 0xfb, 0xe6));
        palette.setColor(group, QPalette::ToolTipText, black);
        palette.setColor(group, QPalette::Link, QColor(0x06, 0x45, 0xad));
        palette.setColor(group, QPalette::LinkVisited, QColor(0x5a, 0x2d, 0x82));
        // Frames and bevels: darker than Fusion's so that fields stand out.
        palette.setColor(group, QPalette::Light, white);
        palette.setColor(group, QPalette::Midlight, QColor(0xd0, 0xd0, 0xd0));
        palette.setColor(group, QPalette::Mid, QColor(0x80, 0x80, 0x80));
        palette.setColor(group, QPalette::Dark, QColor(0x59, 0x59, 0x59));
        palette.setColor(group, QPalette::Shadow, black);
    }
    return palette;
}

QPalette PresenterMode::readablePalette(QPalette palette)
{
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const QList<QColor> backgrounds = {palette.color(group, QPalette::Base), palette.color(group, QPalette::Window),
                                           palette.color(group, QPalette::AlternateBase),
                                           palette.color(group, QPalette::Button)};
        QList<QPalette::ColorRole> roles = {QPalette::PlaceholderText};
        if (group == QPalette::Disabled)
            roles << QPalette::WindowText << QPalette::Text << QPalette::ButtonText;
        for (const QPalette::ColorRole role : std::as_const(roles))
            palette.setColor(group, role, withContrast(palette.color(group, role), backgrounds, textContrast));
    }
    return palette;
}

QColor PresenterMode::focusRingColor()
{
    // A burnt orange: 5:1 on white, and unlike the blue selection.
    return QColor(0xb4, 0x3c, 0x00);
}

void PresenterMode::applyPalette(const QPalette &palette)
{
    m_window->setPalette(palette);
    // Docks (floating ones are windows) and menus (popups) do not inherit a
    // window's palette: each gets it.
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (qobject_cast<QDockWidget *>(widget) || qobject_cast<QMenu *>(widget))
            widget->setPalette(palette);
    }
}

bool PresenterMode::belongsToWindow(const QWidget *widget) const
{
    for (const QWidget *window = widget->window(); window;
         window = window->parentWidget() ? window->parentWidget()->window() : nullptr) {
        if (window == m_window)
            return true;
    }
    return false;
}

void PresenterMode::hideAdvanced(QWidget *widget)
{
    if (m_hidden.contains(widget))
        return;
    Hidden hidden;
    if (QTabWidget *tabs = tabsOfPage(widget)) {
        const int index = tabs->indexOf(widget);
        hidden.tabs = tabs;
        hidden.wasHidden = !tabs->isTabVisible(index);
        if (!m_currentPages.contains(tabs))
            m_currentPages.insert(tabs, tabs->currentWidget());
        tabs->setTabVisible(index, false);
    } else {
        hidden.wasHidden = isExplicitlyHidden(widget);
        // What the application does with it meanwhile (a mode that shows
        // it) is remembered, not shown: eventFilter(), on the application.
        m_hiding = true;
        widget->hide();
        m_hiding = false;
    }
    m_hidden.insert(widget, hidden);
    connect(widget, &QObject::destroyed, this, [this, widget] { m_hidden.remove(widget); });
}

void PresenterMode::restoreAdvanced()
{
    const QHash<QWidget *, Hidden> hidden = std::exchange(m_hidden, {});
    m_hiding = true;
    for (auto it = hidden.begin(); it != hidden.end(); ++it) {
        QWidget *widget = it.key();
        disconnect(widget, &QObject::destroyed, this, nullptr);
        if (it->tabs) {
            const int index = it->tabs->indexOf(widget);
            if (index >= 0)
                it->tabs->setTabVisible(index, !it->wasHidden);
        } else if (!it->wasHidden) {
            widget->show();
        }
    }
    m_hiding = false;
    // Each tab widget shows the page it showed before.
    for (auto it = m_currentPages.begin(); it != m_currentPages.end(); ++it) {
        if (it.key() && it.value() && it.key()->indexOf(it.value()) >= 0)
            it.key()->setCurrentWidget(it.value());
    }
    m_currentPages.clear();
}

void PresenterMode::showTeachingViews()
{
    m_teachingWasHidden.clear();
    for (const QPointer<QWidget> &view : std::as_const(m_teachingViews)) {
        if (!view)
            continue;
        m_teachingWasHidden.insert(view, isExplicitlyHidden(view) || !view->isVisible());
        view->show();
        view->raise(); // a dock tabbed with others comes to the front
    }
}

void PresenterMode::restoreTeachingViews()
{
    for (const QPointer<QWidget> &view : std::as_const(m_teachingViews)) {
        if (view && m_teachingWasHidden.value(view, false))
            view->hide();
    }
    m_teachingWasHidden.clear();
}

bool PresenterMode::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_on || m_hiding || !watched->isWidgetType())
        return QObject::eventFilter(watched, event);
    auto *widget = static_cast<QWidget *>(watched);
    switch (event->type()) {
    case QEvent::Polish:
        if (isAdvanced(widget) && !m_hidden.contains(widget) && belongsToWindow(widget))
            hideAdvanced(widget);
        break;
    case QEvent::ShowToParent:
        if (const auto it = m_hidden.find(widget); it != m_hidden.end() && !it->tabs) {
            it->wasHidden = false; // shown when presenter mode ends
            m_hiding = true;
            widget->hide();
            m_hiding = false;
        }
        break;
    case QEvent::HideToParent:
        if (const auto it = m_hidden.find(widget); it != m_hidden.end() && !it->tabs)
            it->wasHidden = true;
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace SockPlay

#include "logfilterbar.h"

#include "errorlabel.h"
#include "presentermode.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>

namespace SockPlay {

namespace {

// The side combo's items: the name in Qt::UserRole (what findData looks for),
// the session's endpoint id, once known, in this role.
constexpr int EndpointIdRole = Qt::UserRole + 1;

} // namespace

namespace {

constexpr quint32 bits(std::initializer_list<EventKind> kinds)
{
    quint32 mask = 0;
    for (EventKind kind : kinds)
        mask |= LogFilter::kindBit(kind);
    return mask;
}

} // namespace

LogFilterBar::LogFilterBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("logFilterBar"));
    setAccessibleName(tr("Log filter and search"));
    PresenterMode::markAdvanced(this); // a class watches the whole log
    const auto named = [](QWidget *widget, const char *name, const QString &accessible) {
        widget->setObjectName(QLatin1String(name));
        widget->setAccessibleName(accessible);
    };

    auto *searchLabel = new QLabel(tr("Find"), this);
    m_searchEdit = new QLineEdit(this);
    named(m_searchEdit, "logSearchEdit", tr("Search the log"));
    m_searchEdit->setPlaceholderText(tr("text, regex or hex bytes in payloads and details"));
    // Room for a query: the combos beside it would otherwise take the row.
    m_searchEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 9);
    searchLabel->setBuddy(m_searchEdit);
    // Ctrl+F, as everywhere: every Alt+letter of the window is taken.
    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_searchEdit->selectAll();
    });
    m_searchEdit->setToolTip(tr("Find in the log (Ctrl+F); Enter or F3: next match, Shift+F3: previous"));

    m_modeCombo = new QComboBox(this);
    named(m_modeCombo, "logSearchModeCombo", tr("Search mode"));
    m_modeCombo->addItem(tr("Text"), int(LogFilter::QueryMode::Text));
    m_modeCombo->addItem(tr("Regex"), int(LogFilter::QueryMode::Regex));
    m_modeCombo->addItem(tr("Hex"), int(LogFilter::QueryMode::Hex));

    m_prevButton = new QPushButton(tr("Previous"), this);
    named(m_prevButton, "logSearchPrevButton", tr("Previous match"));
    m_prevButton->setToolTip(tr("The previous match (Shift+F3)"));
    m_prevButton->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    m_nextButton = new QPushButton(tr("Next"), this);
    named(m_nextButton, "logSearchNextButton", tr("Next match"));
    m_nextButton->setToolTip(tr("The next match (F3, or Enter in the search field)"));
    m_nextButton->setShortcut(QKeySequence(Qt::Key_F3));
    for (QPushButton *button : {m_prevButton, m_nextButton})
        button->setAutoDefault(false);

    m_countLabel = new QLabel(this);
    named(m_countLabel, "logMatchCountLabel", tr("Matches"));

    auto *kindLabel = new QLabel(tr("Show"), this);
    m_kindCombo = new QComboBox(this);
    named(m_kindCombo, "logKindFilter", tr("Event kinds shown"));
    kindLabel->setBuddy(m_kindCombo);
    m_kindCombo->addItem(tr("All events"), 0u);
    m_kindCombo->addItem(tr("Data"), bits({EventKind::Sent, EventKind::Received, EventKind::DatagramSent,
                                           EventKind::DatagramReceived, EventKind::AutoReplied,
                                           EventKind::Message, EventKind::SimulatedDrop}));
    m_kindCombo->addItem(tr("Messages"), bits({EventKind::Message}));
    m_kindCombo->addItem(tr("Lifecycle"),
                         bits({EventKind::Created, EventKind::LookingUp, EventKind::Bound, EventKind::Listening,
                               EventKind::Accepted, EventKind::TurnedAway, EventKind::Connecting,
                               EventKind::Connected, EventKind::Secured, EventKind::Certificate,
                               EventKind::HalfClosed, EventKind::PeerClosed, EventKind::Closed,
                               EventKind::Stopped}));
    m_kindCombo->addItem(tr("Errors"), bits({EventKind::Error}));
    m_kindCombo->addItem(tr("Errors and notes"), bits({EventKind::Error, EventKind::Note}));

    m_sideCombo = new QComboBox(this);
    named(m_sideCombo, "logSideFilter", tr("Side shown"));
    m_sideCombo->addItem(tr("Both sides"), QString());
    m_sideCombo->addItem(tr("Server"), QStringLiteral("server"));
    m_sideCombo->addItem(tr("Client"), QStringLiteral("client"));

    auto *connectionLabel = new QLabel(tr("Connection"), this);
    m_connectionSpin = new QSpinBox(this);
    named(m_connectionSpin, "logConnectionFilter", tr("Connection shown"));
    connectionLabel->setBuddy(m_connectionSpin);
    // -1 (shown as "all") is every connection; 0 the endpoint's own events; n is #n.
    m_connectionSpin->setRange(-1, 1000000);
    m_connectionSpin->setValue(-1);
    m_connectionSpin->setSpecialValueText(tr("all"));
    m_connectionSpin->setPrefix(tr("#"));
    m_connectionSpin->setToolTip(tr("Only the events of connection #n (as in the Connection column); "
                                    "0: the endpoints' own events"));

    m_directionCombo = new QComboBox(this);
    named(m_directionCombo, "logDirectionFilter", tr("Direction shown"));
    m_directionCombo->addItem(tr("In and out"), int(LogFilter::Direction::Any));
    m_directionCombo->addItem(tr("In (received)"), int(LogFilter::Direction::In));
    m_directionCombo->addItem(tr("Out (sent)"), int(LogFilter::Direction::Out));

    m_followButton = new QPushButton(this);
    named(m_followButton, "logFollowButton", tr("Pause following"));
    m_followButton->setAutoDefault(false);

    m_errorLabel = new ErrorLabel(this);
    named(m_errorLabel, "logSearchErrorLabel", tr("Search error"));

    // Left to right as the Tab key goes (the order the controls were made in):
    // searching, then filtering. One row where the window is wide enough,
    // two where it is not (a small or magnified screen): see resizeEvent.
    m_searchRow = new QHBoxLayout;
    m_searchRow->addWidget(searchLabel);
    m_searchRow->addWidget(m_searchEdit, 1);
    m_searchRow->addWidget(m_modeCombo);
    m_searchRow->addWidget(m_prevButton);
    m_searchRow->addWidget(m_nextButton);
    m_searchRow->addWidget(m_countLabel);
    m_filterRow = new QHBoxLayout;
    m_filterRow->addWidget(kindLabel);
    m_filterRow->addWidget(m_kindCombo);
    m_filterRow->addWidget(m_sideCombo);
    m_filterRow->addWidget(connectionLabel);
    m_filterRow->addWidget(m_connectionSpin);
    m_filterRow->addWidget(m_directionCombo);
    m_filterRow->addWidget(m_followButton);
    m_filterRow->addStretch(1); // wrapped under the search row: packed to the left
    m_rows = new QBoxLayout(QBoxLayout::LeftToRight);
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(fontMetrics().averageCharWidth() * 2);
    m_rows->addLayout(m_searchRow, 1);
    m_rows->addLayout(m_filterRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The bar may be narrower than one row's minimum: it wraps instead.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    layout->addLayout(m_rows);
    layout->addWidget(m_errorLabel);

    for (QComboBox *combo : {m_kindCombo, m_sideCombo, m_directionCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &LogFilterBar::criteriaChanged);
    connect(m_connectionSpin, &QSpinBox::valueChanged, this, &LogFilterBar::criteriaChanged);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &LogFilterBar::validate);
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, &LogFilterBar::validate);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &LogFilterBar::nextRequested);
    connect(m_nextButton, &QPushButton::clicked, this, &LogFilterBar::nextRequested);
    connect(m_prevButton, &QPushButton::clicked, this, &LogFilterBar::previousRequested);
    connect(m_followButton, &QPushButton::clicked, this, [this] {
        if (m_followPaused)
            emit jumpToNewestRequested();
        setFollowPaused(!m_followPaused);
    });
    setFollowPaused(false);
    validate();
}

QSize LogFilterBar::minimumSizeHint() const
{
    // As narrow as the wider of the two rows: below one row's width it wraps.
    const QSize search = m_searchRow->minimumSize();
    const QSize filter = m_filterRow->minimumSize();
    const int errorHeight = m_errorLabel->isVisibleTo(this) ? m_errorLabel->minimumSizeHint().height() : 0;
    return {qMax(search.width(), filter.width()), search.height() + filter.height() + errorHeight};
}

void LogFilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int oneRow = m_searchRow->minimumSize().width() + m_rows->spacing() + m_filterRow->minimumSize().width();
    const QBoxLayout::Direction direction = width() >= oneRow ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (direction != m_rows->direction()) {
        m_rows->setDirection(direction);
        updateGeometry(); // one row or two: the log's layout gives the height
    }
}

LogFilter LogFilterBar::criteria() const
{
    LogFilter filter;
    filter.kinds = m_kindCombo->currentData().toUInt();
    const QString side = m_sideCombo->currentData().toString();
    if (const int id = m_sideCombo->currentData(EndpointIdRole).toInt(); id > 0)
        filter.endpointId = id;
    else if (!side.isEmpty())
        filter.sides = {side};
    filter.connectionId = m_connectionSpin->value();
    filter.direction = LogFilter::Direction(m_directionCombo->currentData().toInt());
    return filter;
}

LogFilter LogFilterBar::search() const
{
    LogFilter filter = criteria();
    filter.queryMode = LogFilter::QueryMode(m_modeCombo->currentData().toInt());
    filter.query = m_searchEdit->text();
    filter.compile();
    return filter;
}

void LogFilterBar::showMatches(bool searching, qsizetype count, int current, int percent)
{
    const QLocale locale;
    QString text;
    if (!searching)
        text.clear();
    else if (percent >= 0)
        text = tr("%1, searching… %2%").arg(count == 1 ? tr("1 match") : tr("%1 matches").arg(locale.toString(count)))
                   .arg(percent);
    else if (count == 0)
        text = tr("no matches");
    else if (current >= 0)
        text = tr("%1 of %2 matches").arg(locale.toString(current + 1), locale.toString(count));
    else
        text = count == 1 ? tr("1 match") : tr("%1 matches").arg(locale.toString(count));
    m_countLabel->setText(text);
    m_countLabel->setAccessibleName(text.isEmpty() ? tr("Matches") : tr("Matches: %1").arg(text));
}

void LogFilterBar::addEndpointName(const QString &name)
{
    // Server and Client are listed from the start; any other endpoint (a
    // script's, a session's) when the session adds it.
    if (name.isEmpty() || m_sideCombo->findData(name) >= 0)
        return;
    m_sideCombo->addItem(name, name);
}

void LogFilterBar::setEndpoint(int endpointId, const QString &name)
{
    int index = m_sideCombo->findData(endpointId, EndpointIdRole);
    if (index < 0) {
        index = m_sideCombo->findData(name);
        if (index >= 0 && m_sideCombo->itemData(index, EndpointIdRole).toInt() > 0)
            index = -1; // that name belonged to an endpoint that is gone
    }
    if (index < 0) {
        m_sideCombo->addItem(name, name);
        index = m_sideCombo->count() - 1;
    }
    const bool current = index == m_sideCombo->currentIndex();
    {
        const QSignalBlocker blocker(m_sideCombo);
        m_sideCombo->setItemText(index, name);
        m_sideCombo->setItemData(index, name);
        m_sideCombo->setItemData(index, endpointId, EndpointIdRole);
    }
    // Filtering by id from now on: the rows shown may change.
    if (current)
        emit criteriaChanged();
}

void LogFilterBar::removeEndpoint(int endpointId)
{
    const int index = m_sideCombo->findData(endpointId, EndpointIdRole);
    if (index <= 0)
        return;
    const bool current = index == m_sideCombo->currentIndex();
    {
        const QSignalBlocker blocker(m_sideCombo);
        m_sideCombo->removeItem(index);
        if (current)
            m_sideCombo->setCurrentIndex(0);
    }
    if (current)
        emit criteriaChanged();
}

void LogFilterBar::showOnly(const QString &side, int connectionId)
{
    addEndpointName(side);
    {
        // One change of criteria, not two scans.
        const QSignalBlocker sideBlocker(m_sideCombo);
        const QSignalBlocker connectionBlocker(m_connectionSpin);
        m_sideCombo->setCurrentIndex(std::max(0, m_sideCombo->findData(side)));
        m_connectionSpin->setValue(connectionId);
    }
    emit criteriaChanged();
}

void LogFilterBar::setFollowPaused(bool paused)
{
    m_followPaused = paused;
    m_followButton->setText(paused ? tr("Jump to newest") : tr("Pause following"));
    m_followButton->setAccessibleName(paused ? tr("Jump to newest") : tr("Pause following"));
    m_followButton->setToolTip(paused ? tr("Show the newest events and follow them again")
                                      : tr("Stop scrolling to new events (the log keeps recording)"));
}

void LogFilterBar::validate()
{
    // As the payload editor does: the error under the field as the user types.
    const LogFilter filter = search();
    if (filter.isValid()) {
        m_errorLabel->clearError();
        m_searchEdit->setAccessibleDescription({});
    } else {
        m_errorLabel->showError(filter.errorString());
        m_searchEdit->setAccessibleDescription(filter.errorString());
    }
    const bool searching = filter.hasQuery() && filter.isValid();
    m_prevButton->setEnabled(searching);
    m_nextButton->setEnabled(searching);
    emit searchChanged();
}

} // namespace SockPlay

#include "endpointpane.h"

#include "errorlabel.h"
#include "lifecyclelabel.h"
#include "messagelibrarymodel.h"
#include "messagelibraryview.h"
#include "payloadeditor.h"
#include "presentermode.h"
#include "ratechart.h"
#include "rulespanel.h"
#include "simlinkpanel.h"
#include "session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace SockPlay {

namespace {

// A tab widget as tall as the page it shows needs: QTabWidget asks for its
// tallest page's size (the Auto-reply list's) whichever page shows, and the
// room the Send page would leave empty under it belongs to the connections
// table above. Another page shown: the tabs take what it needs.
class MessageTabs final : public QTabWidget
{
public:
    explicit MessageTabs(QWidget *parent)
        : QTabWidget(parent)
    {
        connect(this, &QTabWidget::currentChanged, this, [this] { updateGeometry(); });
    }
    QSize minimumSizeHint() const override
    {
        QSize size = QTabWidget::minimumSizeHint();
        if (const QWidget *page = currentWidget()) {
            const int pageHeight = qMax(page->minimumSizeHint().height(), page->minimumHeight());
            size.setHeight(qMin(size.height(), tabBar()->sizeHint().height() + pageHeight));
        }
        return size;
    }
    QSize sizeHint() const override { return {QTabWidget::sizeHint().width(), minimumSizeHint().height()}; }
};

} // namespace

EndpointPane::EndpointPane(const EndpointConfig &config, const QString &objectPrefix, const QString &title,
                           Session *session, QWidget *parent)
    : QFrame(parent)
    , m_prefix(objectPrefix)
    , m_role(config.role)
    , m_name(config.displayName())
    , m_session(session)
{
    setObjectName(m_prefix + QStringLiteral("Pane"));
    setAccessibleName(title);
    setFrameShape(QFrame::StyledPanel);

    // Larger and bold relative to the pane's font, so that it follows the
    // zoom and presenter mode (a whole QFont set here would not).
    auto *titleLabel = new QLabel(QStringLiteral("<span style=\"font-size:x-large; font-weight:700\">%1</span>")
                                      .arg(title.toHtmlEscaped()),
                                  this);
    titleLabel->setTextFormat(Qt::RichText);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(m_prefix + QStringLiteral("StateLabel"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_lifecycleLabel = new LifecycleLabel(this);
    m_lifecycleLabel->setObjectName(m_prefix + QStringLiteral("LifecycleLabel"));
    m_errorLabel = new ErrorLabel(this);
    m_errorLabel->setObjectName(m_prefix + QStringLiteral("ErrorLabel"));
    m_errorLabel->setAccessibleName(tr("%1 error").arg(title));

    // The title and the state side by side: what this is, and what it does now.
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(titleLabel);
    titleRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    titleRow->addWidget(m_stateLabel, 1);

    m_layout = new QVBoxLayout(this);
    m_layout->addLayout(titleRow);

    m_endpointId = session->addEndpoint(config);
    m_snapshot.id = m_endpointId;
    m_snapshot.name = m_name;
    m_snapshot.config = config;
    m_snapshot.capabilities = Session::capabilitiesOf(config.transport, config.role);
    connect(session, &Session::endpointChanged, this, [this](const EndpointSnapshot &snapshot) {
        if (snapshot.id != m_endpointId)
            return;
        const EndpointSnapshot previous = std::exchange(m_snapshot, snapshot);
        // Also while the Rates tab is hidden: it shows the last minute when opened.
        if (m_rateChart)
            m_rateChart->addSample(snapshot.stats);
        snapshotChanged(previous);
    });
    connect(session, &Session::errorOccurred, this, [this](int endpointId, const QString &message) {
        if (endpointId == m_endpointId)
            m_errorLabel->showError(message);
    });
}

void EndpointPane::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    m_session->renameEndpoint(m_endpointId, name);
    emit nameChanged(name);
}

void EndpointPane::setLifecycleTracker(LifecycleTracker *tracker)
{
    m_lifecycleLabel->setTracker(tracker, m_endpointId);
}

void EndpointPane::addStatusLines()
{
    m_layout->addWidget(m_lifecycleLabel);
    m_layout->addWidget(m_errorLabel);
}

void EndpointPane::showState(Tone tone, const QString &text)
{
    const char *colour = tone == Tone::Active ? "#2e7d32" : tone == Tone::Busy ? "#ef6c00" : "#80868b";
    m_stateLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> ")
                              .arg(QLatin1String(colour))
                          + text.toHtmlEscaped());
    m_stateLabel->setAccessibleName(text);
}

void EndpointPane::reportUiError(const QString &message)
{
    m_errorLabel->showError(message);
    m_session->logError(m_endpointId, message);
}

void EndpointPane::sendPayload(int connectionId, PayloadEditor *editor)
{
    const PayloadEditor::Outgoing out = editor->outgoing();
    if (!out.ok) {
        reportUiError(out.error);
        editor->showErrorAt(out.errorPosition);
        return;
    }
    // What happens next (sent, or refused) arrives as an event and, for a
    // refusal, through errorOccurred, which shows it on the error line.
    m_errorLabel->clearError();
    if (out.isFile) {
        editor->markSent();
        m_session->sendFile(m_endpointId, connectionId, out.filePath);
        return;
    }
    if (editor->repeatCount() != 1) {
        editor->markSent();
        m_session->startRepeat(m_endpointId, connectionId, out.payload, quint64(editor->repeatCount()),
                               editor->repeatIntervalMs());
        return;
    }
    QString error;
    const std::optional<QByteArray> bytes = out.payload.expand({}, editor->takeCounter(), &error);
    if (!bytes) {
        reportUiError(error);
        return;
    }
    if (bytes->isEmpty()) {
        reportUiError(tr("Nothing to send: the payload is empty."));
        return;
    }
    editor->markSent();
    m_session->send(m_endpointId, connectionId, *bytes);
}

QTabWidget *EndpointPane::makeMessageTabs(PayloadEditor *editor)
{
    const QString title = accessibleName();
    m_editor = editor;
    m_rulesPanel = new RulesPanel(m_prefix, this);
    m_tabs = new MessageTabs(this);
    m_tabs->setObjectName(m_prefix + QStringLiteral("Tabs"));
    m_tabs->setAccessibleName(tr("%1 messages").arg(title));
    m_tabs->setDocumentMode(true);
    // As tall as its controls: the connections table above takes the rest.
    m_tabs->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_tabs->addTab(editor, tr("Send"));
    m_tabs->addTab(m_rulesPanel, tr("Auto-reply"));
    m_tabs->setTabToolTip(1, tr("How received bytes are cut into messages, and rules that answer them"));
    m_rateChart = new RateChart(this);
    m_rateChart->setObjectName(m_prefix + QStringLiteral("RateChart"));
    m_rateChart->setAccessibleName(tr("%1 rates").arg(title));
    const int rates = m_tabs->addTab(m_rateChart, tr("Rates"));
    // In presenter mode the Send tab stays; rules, the library and rates step aside.
    PresenterMode::markAdvanced(m_rulesPanel);
    PresenterMode::markAdvanced(m_rateChart);
    m_tabs->setTabToolTip(rates, tr("Bytes per second in and out over the last minute"));
    // Tab reaches the tab bar before the page it shows (Qt's chain follows
    // creation, and the editor was made first).
    if (auto *bar = m_tabs->findChild<QTabBar *>()) {
        bar->setObjectName(m_prefix + QStringLiteral("TabBar"));
        bar->setAccessibleName(tr("%1 message tabs").arg(title));
        editor->chainFocusAfter(bar);
    }

    connect(m_rulesPanel, &RulesPanel::rulesChanged, this, [this](const QList<Rule> &rules) {
        m_session->setRules(m_endpointId, rules);
        updateRulesTab();
    });
    connect(m_rulesPanel, &RulesPanel::framingChanged, this, [this](const FrameSpec &spec) {
        m_session->setFraming(m_endpointId, 0, spec);
    });
    connect(editor, &PayloadEditor::stopRequested, this, [this] {
        m_session->stopRepeat(m_endpointId);
        m_session->cancelFileSend(m_endpointId);
    });
    connect(m_session, &Session::repeatProgress, editor,
            [this, editor](int endpointId, quint64 sent, quint64 count, bool running) {
                if (endpointId != m_endpointId)
                    return;
                const QLocale locale;
                const QString text = count == 0 ? tr("%1 sent").arg(locale.toString(sent))
                                                : tr("%1 of %2 sent").arg(locale.toString(sent), locale.toString(count));
                editor->showProgress(running, qint64(sent), qint64(count), text);
            });
    connect(m_session, &Session::fileSendProgress, editor,
            [this, editor](int endpointId, qint64 sent, qint64 total, bool finished) {
                if (endpointId != m_endpointId)
                    return;
                const QLocale locale;
                editor->showProgress(!finished, sent, total,
                                     tr("%1 of %2").arg(locale.formattedDataSize(sent),
                                                              locale.formattedDataSize(total)));
            });
    updateRulesTab();
    return m_tabs;
}

void EndpointPane::addLibraryTab(MessageLibraryModel *library)
{
    auto *view = new MessageLibraryView(library, m_prefix, this);
    const int index = m_tabs->insertTab(m_tabs->indexOf(m_rateChart), view, tr("Library"));
    PresenterMode::markAdvanced(view);
    m_tabs->setTabToolTip(index, tr("Saved messages, shared by both panes: click loads, double-click sends"));
    PayloadEditor *editor = m_editor;
    view->setCurrentMessageProvider([editor] {
        const PayloadEditor::Entry entry = editor->entry();
        SavedMessage message;
        message.lineEnding = entry.lineEnding;
        switch (entry.mode) {
        case PayloadEditor::Mode::Text: message.mode = PayloadMode::Text; break;
        case PayloadEditor::Mode::Hex: message.mode = PayloadMode::Hex; break;
        case PayloadEditor::Mode::Base64: message.mode = PayloadMode::Base64; break;
        case PayloadEditor::Mode::File:
            // Kept as the macro that reads the file when sent (up to 16 MiB).
            message.mode = PayloadMode::Text;
            message.lineEnding = LineEnding::None;
            message.payload = QStringLiteral("{{file:%1}}").arg(entry.text.trimmed());
            return message;
        }
        message.payload = entry.text;
        return message;
    });
    const auto load = [editor](const SavedMessage &message) {
        PayloadEditor::Entry entry;
        entry.mode = message.mode == PayloadMode::Hex      ? PayloadEditor::Mode::Hex
                     : message.mode == PayloadMode::Base64 ? PayloadEditor::Mode::Base64
                                                           : PayloadEditor::Mode::Text;
        entry.text = message.payload;
        entry.lineEnding = message.lineEnding;
        editor->setEntry(entry);
    };
    connect(view, &MessageLibraryView::loadRequested, this, load);
    connect(view, &MessageLibraryView::sendRequested, this, [this, load](const SavedMessage &message) {
        load(message);
        sendCurrent();
    });
}

SimLinkPanel *EndpointPane::makeSimLinkPanel()
{
    m_simLinkPanel = new SimLinkPanel(m_prefix, accessibleName(), this);
    connect(m_simLinkPanel, &SimLinkPanel::specChanged, this, [this](const SimLinkSpec &spec) {
        if (m_snapshot.isRunning() && m_snapshot.config.usesSimLink())
            m_session->setSimLink(m_endpointId, spec);
    });
    return m_simLinkPanel;
}

void EndpointPane::applySimLinkSettings(EndpointConfig &config) const
{
    config.simLink = m_simLinkPanel && config.usesSimLink() ? m_simLinkPanel->spec() : SimLinkSpec();
}

void EndpointPane::updateRulesTab()
{
    // The tab says how many rules are on, so a greeting is never a surprise.
    const QList<Rule> rules = m_rulesPanel->rules();
    const qsizetype on = std::count_if(rules.cbegin(), rules.cend(), [](const Rule &rule) { return rule.enabled; });
    m_tabs->setTabText(1, on > 0 ? tr("Auto-reply (%1)").arg(on) : tr("Auto-reply"));
}

void EndpointPane::showMessageSettings(const EndpointConfig &config)
{
    if (!m_rulesPanel)
        return;
    m_rulesPanel->setFraming(config.frame);
    m_rulesPanel->setRules(config.rules);
}

void EndpointPane::applyMessageSettings(EndpointConfig &config) const
{
    if (!m_rulesPanel)
        return;
    config.frame = m_rulesPanel->framing();
    config.rules = m_rulesPanel->rules();
}

} // namespace SockPlay

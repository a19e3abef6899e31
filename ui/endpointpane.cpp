#include "endpointpane.h"

#include "errorlabel.h"
#include "lifecyclelabel.h"
#include "payloadeditor.h"
#include "session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace SockPlay {

EndpointPane::EndpointPane(const EndpointConfig &config, const QString &title, Session *session,
                           QWidget *parent)
    : QFrame(parent)
    , m_name(config.displayName())
    , m_session(session)
{
    setObjectName(m_name + QStringLiteral("Pane"));
    setAccessibleName(title);
    setFrameShape(QFrame::StyledPanel);

    auto *titleLabel = new QLabel(title, this);
    QFont titleFont = titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleLabel->setFont(titleFont);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(m_name + QStringLiteral("StateLabel"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_lifecycleLabel = new LifecycleLabel(this);
    m_lifecycleLabel->setObjectName(m_name + QStringLiteral("LifecycleLabel"));
    m_errorLabel = new ErrorLabel(this);
    m_errorLabel->setObjectName(m_name + QStringLiteral("ErrorLabel"));
    m_errorLabel->setAccessibleName(title + tr(" error"));

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
        snapshotChanged(previous);
    });
    connect(session, &Session::errorOccurred, this, [this](int endpointId, const QString &message) {
        if (endpointId == m_endpointId)
            m_errorLabel->showError(message);
    });
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

std::optional<QByteArray> EndpointPane::takePayload(PayloadEditor *editor)
{
    const ParseResult parsed = editor->payload();
    if (!parsed.ok) {
        reportUiError(parsed.error);
        editor->showErrorAt(parsed.errorPosition);
        return std::nullopt;
    }
    if (parsed.bytes.isEmpty()) {
        reportUiError(tr("Nothing to send: the payload is empty."));
        return std::nullopt;
    }
    return parsed.bytes;
}

void EndpointPane::sendPayload(int connectionId, PayloadEditor *editor)
{
    const std::optional<QByteArray> bytes = takePayload(editor);
    if (!bytes)
        return;
    // What happens next (sent, or refused) arrives as an event and, for a
    // refusal, through errorOccurred, which shows it on the error line.
    m_errorLabel->clearError();
    editor->markSent();
    m_session->send(m_endpointId, connectionId, *bytes);
}

} // namespace SockPlay

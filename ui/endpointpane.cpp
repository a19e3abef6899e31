#include "endpointpane.h"

#include "errorlabel.h"
#include "eventlog.h"
#include "lifecyclelabel.h"
#include "payloadeditor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace SockPlay {

EndpointPane::EndpointPane(const QString &name, const QString &title, EventLog *log,
                           QWidget *parent)
    : QFrame(parent)
    , m_name(name)
    , m_log(log)
{
    setObjectName(name + QStringLiteral("Pane"));
    setAccessibleName(title);
    setFrameShape(QFrame::StyledPanel);

    auto *titleLabel = new QLabel(title, this);
    QFont titleFont = titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleLabel->setFont(titleFont);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(name + QStringLiteral("StateLabel"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_lifecycleLabel = new LifecycleLabel(this);
    m_lifecycleLabel->setObjectName(name + QStringLiteral("LifecycleLabel"));
    m_errorLabel = new ErrorLabel(this);
    m_errorLabel->setObjectName(name + QStringLiteral("ErrorLabel"));
    m_errorLabel->setAccessibleName(title + tr(" error"));

    // The title and the state side by side: what this is, and what it does now.
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(titleLabel);
    titleRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    titleRow->addWidget(m_stateLabel, 1);

    m_layout = new QVBoxLayout(this);
    m_layout->addLayout(titleRow);
}

bool EndpointPane::isRunning() const
{
    return m_endpoint && m_endpoint->state() != EndpointState::Idle;
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

void EndpointPane::replaceEndpoint(Endpoint *endpoint)
{
    // Called from a button's click, never from the old endpoint's own signal,
    // so it can go right away.
    Endpoint *previous = m_endpoint;
    m_endpoint = endpoint;
    if (m_endpoint)
        m_endpoint->setParent(this);
    delete previous;
}

void EndpointPane::reportUiError(const QString &message)
{
    m_errorLabel->showError(message);
    Event event;
    event.kind = EventKind::Error;
    event.endpointId = m_endpoint ? m_endpoint->id() : 0;
    event.endpointName = m_name;
    event.detail = message;
    m_log->append(event);
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

void EndpointPane::finishSend(const Result &result, PayloadEditor *editor)
{
    if (result) {
        m_errorLabel->clearError();
        editor->markSent();
        return;
    }
    // The endpoint already logged its refusal; only show it here.
    m_errorLabel->showError(result.error);
}

} // namespace SockPlay

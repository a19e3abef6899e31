#include "websocketoptionspanel.h"

#include "presentermode.h"
#include "websockettext.h"

#include <QCheckBox>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace SockPlay {

namespace {

QStringList listOf(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','))) {
        if (const QString trimmed = item.trimmed(); !trimmed.isEmpty())
            items.append(trimmed);
    }
    return items;
}

QStringList headerLines(const QPlainTextEdit *edit)
{
    QStringList lines;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

} // namespace

WebSocketOptionsPanel::WebSocketOptionsPanel(Role role, const QString &objectNamePrefix, const QString &side,
                                             QWidget *parent)
    : QGroupBox(tr("WebSocket"), parent)
    , m_role(role)
{
    const bool server = role == Role::Server;
    const auto name = [&objectNamePrefix](const char *suffix) -> QString { return objectNamePrefix + QLatin1String(suffix); };
    setObjectName(name("WsOptions"));
    setAccessibleName(tr("%1 WebSocket settings").arg(side));
    auto *grid = new QGridLayout(this);
    int row = 0;
    const auto addRow = [this, grid, &row](const QString &label, QWidget *field) {
        auto *text = new QLabel(label, this);
        text->setBuddy(field);
        grid->addWidget(text, row, 0);
        grid->addWidget(field, row, 1);
        ++row;
        return text;
    };

    m_pathEdit = new QLineEdit(QStringLiteral("/"), this);
    m_pathEdit->setObjectName(name("WsPathEdit"));
    m_pathEdit->setAccessibleName(tr("%1 WebSocket path").arg(side));
    m_pathEdit->setToolTip(server ? tr("The path the server answers; an upgrade request for another gets 404")
                                  : tr("The path (and query) of the URL the client opens"));
    addRow(tr("Path"), m_pathEdit);
    connect(m_pathEdit, &QLineEdit::textEdited, this, &WebSocketOptionsPanel::pathChanged);

    if (!server) {
        m_urlLabel = new QLabel(this);
        m_urlLabel->setObjectName(name("WsUrlLabel"));
        m_urlLabel->setAccessibleName(tr("%1 WebSocket URL").arg(side));
        m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        addRow(tr("URL"), m_urlLabel);
    }

    m_secureCheck = new QCheckBox(tr("wss:// (WebSocket over TLS)"), this);
    m_secureCheck->setObjectName(name("WsSecureCheck"));
    m_secureCheck->setAccessibleName(tr("%1 WebSocket over TLS").arg(side));
    auto *secureRow = new QHBoxLayout;
    secureRow->addWidget(m_secureCheck);
    if (server) {
        m_secureCheck->setToolTip(tr("Each client's TLS handshake comes before its upgrade; the certificate is "
                                     "chosen in the TLS settings"));
    } else {
        m_secureCheck->setToolTip(tr("The TLS handshake comes before the upgrade; whom to trust, verification, "
                                     "SNI, ALPN and a client certificate are chosen in the TLS settings"));
        connect(m_secureCheck, &QCheckBox::toggled, this, &WebSocketOptionsPanel::updateUrl);
        connect(m_pathEdit, &QLineEdit::textChanged, this, &WebSocketOptionsPanel::updateUrl);
    }
    secureRow->addStretch(1);
    grid->addLayout(secureRow, row, 1);
    ++row;
    connect(m_secureCheck, &QCheckBox::toggled, this, &WebSocketOptionsPanel::secureChanged);

    m_subprotocolsEdit = new QLineEdit(this);
    m_subprotocolsEdit->setObjectName(name("WsSubprotocolsEdit"));
    m_subprotocolsEdit->setAccessibleName(tr("%1 WebSocket subprotocols").arg(side));
    m_subprotocolsEdit->setPlaceholderText(tr("none (e.g. chat, superchat)"));
    m_subprotocolsEdit->setToolTip(server ? tr("Subprotocols the server accepts; the first one the client offers is chosen")
                                          : tr("Subprotocols offered, in order of preference; the log says which "
                                               "one the server chose"));
    QLabel *subprotocolsLabel = addRow(tr("Subprotocols"), m_subprotocolsEdit);
    PresenterMode::markAdvanced(subprotocolsLabel);
    PresenterMode::markAdvanced(m_subprotocolsEdit);

    if (!server) {
        m_headersEdit = new QPlainTextEdit(this);
        m_headersEdit->setObjectName(name("WsHeadersEdit"));
        m_headersEdit->setAccessibleName(tr("%1 WebSocket request headers").arg(side));
        m_headersEdit->setPlaceholderText(tr("Name: value, one per line"));
        m_headersEdit->setToolTip(tr("Extra headers of the HTTP upgrade request (Authorization, Cookie, …)"));
        m_headersEdit->setTabChangesFocus(true);
        m_headersEdit->setFixedHeight(QFontMetrics(font()).lineSpacing() * 2 + 2 * m_headersEdit->frameWidth() + 8);
        QLabel *headersLabel = addRow(tr("Headers"), m_headersEdit);
        PresenterMode::markAdvanced(headersLabel);
        PresenterMode::markAdvanced(m_headersEdit);
    }

    m_binaryCheck = new QCheckBox(tr("Send &binary messages (not text)"), this);
    m_binaryCheck->setObjectName(name("WsBinaryCheck"));
    m_binaryCheck->setAccessibleName(tr("%1 WebSocket binary messages").arg(side));
    m_binaryCheck->setToolTip(tr("What this side's sends are: binary messages, or text messages (UTF-8; bytes that "
                                 "are not UTF-8 go as binary, and the log says so). Replies keep the kind of the "
                                 "message they answer."));
    grid->addWidget(m_binaryCheck, row, 1);
    grid->setColumnStretch(1, 1);
    updateUrl();
}

bool WebSocketOptionsPanel::isSecure() const
{
    return m_secureCheck->isChecked();
}

void WebSocketOptionsPanel::setSecure(bool secure)
{
    m_secureCheck->setChecked(secure);
}

QString WebSocketOptionsPanel::path() const
{
    const QString path = m_pathEdit->text().trimmed();
    return path.isEmpty() ? QStringLiteral("/") : path;
}

void WebSocketOptionsPanel::setPath(const QString &path)
{
    m_pathEdit->setText(path);
}

void WebSocketOptionsPanel::apply(EndpointConfig &config) const
{
    config.path = path();
    config.subprotocols = listOf(m_subprotocolsEdit->text());
    config.binaryMessages = m_binaryCheck->isChecked();
    config.secure = m_secureCheck->isChecked();
    if (m_role == Role::Client) {
        config.headers.clear();
        QString error;
        for (const QString &line : headerLines(m_headersEdit)) {
            if (const auto header = WebSocketText::parseHeader(line, &error))
                config.headers.append(*header);
        }
    }
}

void WebSocketOptionsPanel::showConfig(const EndpointConfig &config)
{
    m_pathEdit->setText(config.path);
    m_subprotocolsEdit->setText(config.subprotocols.join(QStringLiteral(", ")));
    m_binaryCheck->setChecked(config.binaryMessages);
    m_secureCheck->setChecked(config.secure);
    if (m_role == Role::Client) {
        QStringList lines;
        for (const auto &[key, value] : config.headers)
            lines.append(QString::fromUtf8(key) + QStringLiteral(": ") + QString::fromUtf8(value));
        m_headersEdit->setPlainText(lines.join(QLatin1Char('\n')));
    }
}

QString WebSocketOptionsPanel::problem() const
{
    const QString path = m_pathEdit->text().trimmed();
    if (!path.isEmpty() && !path.startsWith(QLatin1Char('/')))
        return tr("WebSocket: the path “%1” must start with /.").arg(path);
    if (m_headersEdit) {
        QString error;
        for (const QString &line : headerLines(m_headersEdit)) {
            if (!WebSocketText::parseHeader(line, &error))
                return tr("WebSocket: the header “%1” is not valid: %2").arg(line, error);
        }
    }
    return {};
}

void WebSocketOptionsPanel::setTarget(const QString &host, quint16 port)
{
    m_host = host;
    m_port = port;
    updateUrl();
}

QString WebSocketOptionsPanel::url() const
{
    if (m_role != Role::Client)
        return {};
    EndpointConfig config;
    config.host = m_host;
    config.port = m_port;
    apply(config);
    return WebSocketText::url(config);
}

void WebSocketOptionsPanel::updateUrl()
{
    if (m_urlLabel)
        m_urlLabel->setText(url());
}

} // namespace SockPlay

#include "payloadeditor.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QPushButton>

namespace SockPlay {

PayloadEditor::PayloadEditor(const QString &objectNamePrefix, const QString &sendText,
                             QWidget *parent)
    : QWidget(parent)
{
    const QString side = objectNamePrefix == QLatin1String("server") ? tr("Server") : tr("Client");
    setObjectName(objectNamePrefix + QStringLiteral("PayloadEditor"));

    auto *label = new QLabel(tr("Payload"), this);

    m_edit = new QLineEdit(this);
    m_edit->setObjectName(objectNamePrefix + QStringLiteral("PayloadEdit"));
    m_edit->setAccessibleName(side + tr(" payload"));
    m_edit->setAccessibleDescription(tr("The bytes to send. Press Enter to send."));
    m_objectNamePrefix = objectNamePrefix;
    m_side = side;
    // Monospace, at the size of the rest of the window: hex columns line up.
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont editFont;
    editFont.setFamilies(mono.families());
    editFont.setStyleHint(QFont::Monospace);
    m_edit->setFont(editFont);
    label->setBuddy(m_edit);

    m_modeCombo = new QComboBox(this);
    m_modeCombo->setObjectName(objectNamePrefix + QStringLiteral("PayloadModeCombo"));
    m_modeCombo->setAccessibleName(side + tr(" payload mode"));
    m_modeCombo->addItem(tr("Text"), QVariant::fromValue(int(PayloadMode::Text)));
    m_modeCombo->addItem(tr("Hex"), QVariant::fromValue(int(PayloadMode::Hex)));
    m_modeCombo->setToolTip(tr("Text: characters with escapes (\\n \\t \\x41)\n"
                               "Hex: exact bytes (48 65 6c 6c 6f)"));

    m_lineEndingCombo = new QComboBox(this);
    m_lineEndingCombo->setObjectName(objectNamePrefix + QStringLiteral("LineEndingCombo"));
    m_lineEndingCombo->setAccessibleName(side + tr(" line ending"));
    m_lineEndingCombo->addItem(tr("No line ending"), QVariant::fromValue(int(LineEnding::None)));
    m_lineEndingCombo->addItem(tr("LF (\\n)"), QVariant::fromValue(int(LineEnding::Lf)));
    m_lineEndingCombo->addItem(tr("CRLF (\\r\\n)"), QVariant::fromValue(int(LineEnding::CrLf)));
    m_lineEndingCombo->setCurrentIndex(1);

    m_sendButton = new QPushButton(sendText, this);
    m_sendButton->setObjectName(objectNamePrefix + QStringLiteral("SendButton"));
    m_sendButton->setAccessibleName(side + QLatin1Char(' ') + QString(sendText).remove(QLatin1Char('&')).toLower());
    m_sendButton->setDefault(false);
    m_sendButton->setAutoDefault(false);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(label, 0, 0);
    grid->addWidget(m_edit, 0, 1);
    m_buttonRow = new QHBoxLayout;
    m_buttonRow->addWidget(m_modeCombo);
    m_buttonRow->addWidget(m_lineEndingCombo);
    m_buttonRow->addStretch(1);
    m_buttonRow->addWidget(m_sendButton);
    grid->addLayout(m_buttonRow, 1, 1);
    grid->setColumnStretch(1, 1);

    connect(m_edit, &QLineEdit::returnPressed, this, &PayloadEditor::sendRequested);
    connect(m_sendButton, &QPushButton::clicked, this, &PayloadEditor::sendRequested);
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, &PayloadEditor::updateForMode);
    updateForMode();
}

PayloadMode PayloadEditor::mode() const
{
    return PayloadMode(m_modeCombo->currentData().toInt());
}

LineEnding PayloadEditor::lineEnding() const
{
    return LineEnding(m_lineEndingCombo->currentData().toInt());
}

ParseResult PayloadEditor::payload() const
{
    ParseResult result = PayloadCodec::parse(m_edit->text(), mode());
    if (result.ok && mode() == PayloadMode::Text)
        result.bytes += lineEndingBytes(lineEnding());
    return result;
}

void PayloadEditor::enableClearButton()
{
    if (m_edit->isClearButtonEnabled())
        return;
    m_edit->setClearButtonEnabled(true);
    // The clear button is a widget of its own to screen readers: name it too.
    for (QToolButton *clear : m_edit->findChildren<QToolButton *>()) {
        clear->setObjectName(m_objectNamePrefix + QStringLiteral("PayloadClearButton"));
        clear->setAccessibleName(tr("Clear %1 payload").arg(m_side.toLower()));
    }
}

void PayloadEditor::addButton(QPushButton *button)
{
    button->setAutoDefault(false);
    m_buttonRow->addWidget(button);
}

void PayloadEditor::setSendEnabled(bool enabled)
{
    m_sendButton->setEnabled(enabled);
}

void PayloadEditor::showErrorAt(int position)
{
    m_edit->setFocus(Qt::OtherFocusReason);
    if (position >= 0)
        m_edit->setCursorPosition(position);
}

void PayloadEditor::markSent()
{
    m_edit->selectAll();
}

void PayloadEditor::updateForMode()
{
    const bool text = mode() == PayloadMode::Text;
    m_lineEndingCombo->setEnabled(text);
    m_lineEndingCombo->setToolTip(text ? tr("Bytes added after the typed text")
                                       : tr("Hex mode sends exactly the bytes you type"));
    m_edit->setPlaceholderText(text ? tr("Type a message, press Enter to send")
                                    : tr("Hex bytes, e.g. 48 65 6c 6c 6f 0a"));
}

} // namespace SockPlay

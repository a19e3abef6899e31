#pragma once

#include "endpointtypes.h"

#include "framer.h"
#include "rules.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace SockPlay {

class ErrorLabel;

/// The receiving side of a pane: how the stream is cut into messages (the
/// framing) and the automatic-reply rules, in order, each switchable on and
/// off. Changes apply at once (the pane passes them to the session, also
/// while it runs); both are part of the pane's config at the next start.
///
/// The framing combo takes the CLI's --frame syntax ("len:2le+incl@1"):
/// presets to pick, or typed, checked as you type. Rules are listed in the
/// CLI's --reply syntax; Add…/Edit… open a RuleDialog.
class RulesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesPanel)
public:
    /// objectNamePrefix ("server", "client") names the children:
    /// <prefix>FramingCombo, <prefix>RulesList, <prefix>RuleAddButton, ...
    RulesPanel(const QString &objectNamePrefix, QWidget *parent = nullptr);

    /// The framing in effect (the last valid one typed or picked).
    FrameSpec framing() const { return m_framing; }
    /// Shows a framing (a preset when one matches) and applies it as if typed.
    void setFraming(const FrameSpec &spec);
    /// Every rule, in order, with its on/off state.
    QList<Rule> rules() const;
    void setRules(const QList<Rule> &rules);
    /// What one message is: cut from a stream by the framing (TCP, TLS), or
    /// given whole by the transport, so that the framing is fixed (a UDP
    /// datagram, a WebSocket message).
    enum class Unit { Stream, Datagram, WholeMessage };
    void setUnit(Unit unit);
    /// The unit of an endpoint that can do this.
    static Unit unitOf(const EndpointCapabilities &capabilities);

    QComboBox *framingCombo() const { return m_framingCombo; }
    QListWidget *rulesList() const { return m_rulesList; }
    QPushButton *addButton() const { return m_addButton; }

    /// Opens the rule editor for a new rule, or the selected one (edit); the
    /// dialog is a child of this panel, returned so tests can fill it in.
    class RuleDialog *openRuleDialog(bool edit);

signals:
    void framingChanged(const SockPlay::FrameSpec &spec);
    void rulesChanged(const QList<SockPlay::Rule> &rules);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void framingEdited(const QString &text);
    void addOrReplace(const Rule &rule, QListWidgetItem *replacing);
    void removeSelected();
    void moveSelected(int by);
    void updateButtons();
    void emitRules();

    QString m_prefix;
    FrameSpec m_framing;
    Unit m_unit = Unit::Stream;
    bool m_updatingList = false;
    QComboBox *m_framingCombo = nullptr;
    QLabel *m_framingHint = nullptr;
    ErrorLabel *m_framingError = nullptr;
    QListWidget *m_rulesList = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_upButton = nullptr;
    QPushButton *m_downButton = nullptr;
};

} // namespace SockPlay

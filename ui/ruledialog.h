#pragma once

#include "rules.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace SockPlay {

class ErrorLabel;

/// Adds or edits one automatic-reply rule: when (match and pattern) → reply
/// (kind and text), then close, a delay, stop or continue. What is wrong is
/// said under the fields as the user types, counted from 1, and OK waits
/// until the rule is valid. The rule's CLI form is shown too, so that what
/// is clicked here can be scripted with sockplay-cli --reply.
class RuleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleDialog)
public:
    /// objectNamePrefix ("server", "client") names the fields: <prefix>RuleMatchCombo, ...
    RuleDialog(const QString &objectNamePrefix, QWidget *parent = nullptr);

    void setRule(const Rule &rule);
    /// The rule the fields describe (valid when isValid()).
    Rule rule() const;
    bool isValid() const;

    QComboBox *matchCombo() const { return m_matchCombo; }
    QLineEdit *patternEdit() const { return m_patternEdit; }
    QComboBox *replyCombo() const { return m_replyCombo; }
    QLineEdit *replyEdit() const { return m_replyEdit; }
    QCheckBox *closeCheck() const { return m_closeCheck; }
    QSpinBox *delaySpin() const { return m_delaySpin; }
    QCheckBox *continueCheck() const { return m_continueCheck; }

private:
    void validate();

    QComboBox *m_matchCombo = nullptr;
    QLineEdit *m_patternEdit = nullptr;
    QComboBox *m_replyCombo = nullptr;
    QLineEdit *m_replyEdit = nullptr;
    QCheckBox *m_closeCheck = nullptr;
    QSpinBox *m_delaySpin = nullptr;
    QCheckBox *m_continueCheck = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    QLabel *m_cliLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_valid = false;
};

} // namespace SockPlay

#include "windowskeleton.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTableView>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeView>

namespace SockPlay::Bench {

namespace {

/// The Qt class a widget is: SockPlay's subclasses count as what they derive from.
QString qtClass(const QWidget *widget)
{
    for (const QMetaObject *meta = widget->metaObject(); meta; meta = meta->superClass()) {
        const QLatin1String name(meta->className());
        if (name.startsWith(QLatin1Char('Q')) && !name.contains(QLatin1String("::")))
            return name;
    }
    return QStringLiteral("QWidget");
}

QJsonArray headerLabels(const QAbstractItemModel *model)
{
    QJsonArray labels;
    for (int column = 0; model && column < model->columnCount(); ++column)
        labels.append(model->headerData(column, Qt::Horizontal).toString());
    return labels;
}

/// Widgets whose insides Qt makes itself: described whole, not by their children.
bool describeLeaf(const QWidget *widget, QJsonObject &node)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget)) {
        node[QLatin1String("text")] = label->text();
        node[QLatin1String("format")] = int(label->textFormat());
        node[QLatin1String("wrap")] = label->wordWrap();
        node[QLatin1String("align")] = int(label->alignment());
    } else if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
        node[QLatin1String("text")] = button->text();
        node[QLatin1String("checkable")] = button->isCheckable();
        node[QLatin1String("checked")] = button->isChecked();
    } else if (const auto *edit = qobject_cast<const QLineEdit *>(widget)) {
        node[QLatin1String("text")] = edit->text();
        node[QLatin1String("placeholder")] = edit->placeholderText();
    } else if (const auto *combo = qobject_cast<const QComboBox *>(widget)) {
        node[QLatin1String("text")] = combo->currentText();
        node[QLatin1String("editable")] = combo->isEditable();
    } else if (const auto *spin = qobject_cast<const QAbstractSpinBox *>(widget)) {
        node[QLatin1String("text")] = spin->text();
    } else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
        QJsonArray texts;
        for (int i = 0; i < tabs->count(); ++i)
            texts.append(tabs->tabText(i));
        node[QLatin1String("tabs")] = texts;
        node[QLatin1String("closable")] = tabs->tabsClosable();
        node[QLatin1String("current")] = tabs->currentIndex();
    } else if (const auto *view = qobject_cast<const QAbstractItemView *>(widget)) {
        node[QLatin1String("columns")] = headerLabels(view->model());
    } else if (const auto *text = qobject_cast<const QPlainTextEdit *>(widget)) {
        node[QLatin1String("text")] = text->toPlainText();
    } else if (const auto *rich = qobject_cast<const QTextEdit *>(widget)) {
        node[QLatin1String("text")] = rich->toPlainText();
    } else if (const auto *menus = qobject_cast<const QMenuBar *>(widget)) {
        QJsonArray titles;
        for (const QAction *action : menus->actions())
            titles.append(action->text());
        node[QLatin1String("menus")] = titles;
    } else if (!qobject_cast<const QScrollBar *>(widget)) {
        return false;
    }
    return true;
}

QJsonObject describe(const QWidget *widget, bool top)
{
    QJsonObject node;
    node[QLatin1String("class")] = qtClass(widget);
    const QRect at = top ? QRect(QPoint(), widget->size()) : widget->geometry();
    node[QLatin1String("geometry")] = QJsonArray{at.x(), at.y(), at.width(), at.height()};
    if (top || widget->testAttribute(Qt::WA_SetFont))
        node[QLatin1String("font")] = widget->font().toString();
    if (describeLeaf(widget, node))
        return node;
    QJsonArray children;
    for (const QObject *object : widget->children()) {
        const auto *child = qobject_cast<const QWidget *>(object);
        if (child && !child->isWindow() && child->isVisible())
            children.append(describe(child, false));
    }
    node[QLatin1String("children")] = children;
    return node;
}

QString text(const QJsonObject &node)
{
    return node.value(QLatin1String("text")).toString();
}

QWidget *makeLeaf(const QString &cls, const QJsonObject &node, QWidget *parent)
{
    if (cls == QLatin1String("QLabel")) {
        auto *label = new QLabel(parent);
        label->setTextFormat(Qt::TextFormat(node.value(QLatin1String("format")).toInt()));
        label->setWordWrap(node.value(QLatin1String("wrap")).toBool());
        label->setAlignment(Qt::Alignment(node.value(QLatin1String("align")).toInt()));
        label->setText(text(node));
        return label;
    }
    QAbstractButton *button = nullptr;
    if (cls == QLatin1String("QPushButton"))
        button = new QPushButton(parent);
    else if (cls == QLatin1String("QToolButton"))
        button = new QToolButton(parent);
    else if (cls == QLatin1String("QCheckBox"))
        button = new QCheckBox(parent);
    else if (cls == QLatin1String("QRadioButton"))
        button = new QRadioButton(parent);
    if (button) {
        button->setText(text(node));
        button->setCheckable(node.value(QLatin1String("checkable")).toBool());
        button->setChecked(node.value(QLatin1String("checked")).toBool());
        return button;
    }
    if (cls == QLatin1String("QLineEdit")) {
        auto *edit = new QLineEdit(text(node), parent);
        edit->setPlaceholderText(node.value(QLatin1String("placeholder")).toString());
        return edit;
    }
    if (cls == QLatin1String("QComboBox")) {
        auto *combo = new QComboBox(parent);
        combo->setEditable(node.value(QLatin1String("editable")).toBool());
        combo->addItem(text(node));
        return combo;
    }
    if (cls == QLatin1String("QSpinBox") || cls == QLatin1String("QDoubleSpinBox")) {
        // The text as shown (suffix and grouping included), through a line edit's spin box.
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, 1);
        spin->setSpecialValueText(text(node));
        return spin;
    }
    if (cls == QLatin1String("QTabBar")) {
        auto *tabs = new QTabBar(parent);
        tabs->setTabsClosable(node.value(QLatin1String("closable")).toBool());
        for (const QJsonValue &tab : node.value(QLatin1String("tabs")).toArray())
            tabs->addTab(tab.toString());
        tabs->setCurrentIndex(node.value(QLatin1String("current")).toInt());
        return tabs;
    }
    if (cls == QLatin1String("QTableView") || cls == QLatin1String("QTreeView") || cls == QLatin1String("QListView")) {
        QAbstractItemView *view = cls == QLatin1String("QTreeView") ? static_cast<QAbstractItemView *>(new QTreeView(parent))
                                  : cls == QLatin1String("QListView") ? static_cast<QAbstractItemView *>(new QListView(parent))
                                                                      : new QTableView(parent);
        auto *model = new QStandardItemModel(view);
        QStringList labels;
        for (const QJsonValue &label : node.value(QLatin1String("columns")).toArray())
            labels.append(label.toString());
        model->setHorizontalHeaderLabels(labels);
        view->setModel(model);
        return view;
    }
    if (cls == QLatin1String("QPlainTextEdit"))
        return new QPlainTextEdit(text(node), parent);
    if (cls == QLatin1String("QTextEdit"))
        return new QTextEdit(text(node), parent);
    if (cls == QLatin1String("QMenuBar")) {
        auto *bar = new QMenuBar(parent);
        for (const QJsonValue &title : node.value(QLatin1String("menus")).toArray())
            bar->addMenu(title.toString());
        return bar;
    }
    if (cls == QLatin1String("QScrollBar"))
        return new QScrollBar(parent);
    return nullptr;
}

QWidget *build(const QJsonObject &node, QWidget *parent)
{
    const QString cls = node.value(QLatin1String("class")).toString();
    QWidget *widget = makeLeaf(cls, node, parent);
    if (!widget)
        widget = new QWidget(parent); // a container: what it holds is drawn by its children
    if (node.contains(QLatin1String("font"))) {
        QFont font;
        if (font.fromString(node.value(QLatin1String("font")).toString()))
            widget->setFont(font);
    }
    const QJsonArray at = node.value(QLatin1String("geometry")).toArray();
    widget->setGeometry(at.at(0).toInt(), at.at(1).toInt(), at.at(2).toInt(), at.at(3).toInt());
    for (const QJsonValue &child : node.value(QLatin1String("children")).toArray())
        build(child.toObject(), widget);
    return widget;
}

} // namespace

QJsonObject describeVisible(QWidget *window)
{
    return describe(window, true);
}

QWidget *buildSkeleton(const QJsonObject &tree)
{
    return build(tree, nullptr);
}

} // namespace SockPlay::Bench

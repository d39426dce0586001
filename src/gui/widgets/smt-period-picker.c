/* smt-period-picker.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "smt-period-picker.h"

typedef enum
{
  KIND_MONTH,
  KIND_QUARTER,
  KIND_HALF,
  KIND_NINE_MONTHS,
  KIND_YEAR,
  KIND_TERM,
  KIND_RANGE,
  N_KINDS
} Kind;

static const char *kind_names[N_KINDS] = {
  N_("Month"), N_("Quarter"), N_("6 Months"), N_("9 Months"), N_("Year"),
  N_("Term of the Resolution"), N_("From a Date to a Date"),
};

struct _SmtPeriodPicker
{
  GtkBox          parent_instance;

  GtkDropDown    *kind_dropdown;
  GtkDropDown    *number_dropdown;
  GtkSpinButton  *year_spin;
  GtkWidget      *range_box;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;

  gboolean        offers_term;
  char           *term_from;     /* ISO, NULL: no resolution chosen */
  char           *term_to;
  int             number_kind;   /* the kind number_dropdown lists, -1: none */
  guint           filling;       /* > 0 while the controls are set in code */
};

G_DEFINE_FINAL_TYPE (SmtPeriodPicker, smt_period_picker, GTK_TYPE_BOX)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Positions in the kind drop-down skip the term when it is not offered. */
static Kind
kind_at (SmtPeriodPicker *self,
         guint            position)
{
  if (!self->offers_term && position >= KIND_TERM)
    position++;
  return MIN (position, KIND_RANGE);
}

static guint
position_of (SmtPeriodPicker *self,
             Kind             kind)
{
  return !self->offers_term && kind > KIND_TERM ? kind - 1 : kind;
}

static Kind
current_kind (SmtPeriodPicker *self)
{
  return kind_at (self, gtk_drop_down_get_selected (self->kind_dropdown));
}

static void
fill_kinds (SmtPeriodPicker *self,
            Kind             select)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (Kind k = 0; k < N_KINDS; k++)
    if (k != KIND_TERM || self->offers_term)
      gtk_string_list_append (list, _(kind_names[k]));
  self->filling++;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->kind_dropdown, position_of (self, select));
  self->filling--;
}

static void
fill_numbers (SmtPeriodPicker *self,
              Kind             kind)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  static const char *roman[] = { "I", "II", "III", "IV" };
  guint selected = gtk_drop_down_get_selected (self->number_dropdown);

  if ((int) kind == self->number_kind)
    return;
  self->number_kind = kind;
  if (kind == KIND_MONTH)
    for (int m = 1; m <= 12; m++)
      {
        /* Translators: a month in the period picker: "Tháng 5" */
        g_autofree char *text = g_strdup_printf (_("Month %d"), m);

        gtk_string_list_append (list, text);
      }
  else if (kind == KIND_QUARTER)
    for (int q = 0; q < 4; q++)
      {
        /* Translators: a quarter in the period picker: "Quý II" */
        g_autofree char *text = g_strdup_printf (_("Quarter %s"), roman[q]);

        gtk_string_list_append (list, text);
      }
  else if (kind == KIND_HALF)
    {
      gtk_string_list_append (list, _("First 6 months"));
      gtk_string_list_append (list, _("Last 6 months"));
    }
  self->filling++;
  gtk_drop_down_set_model (self->number_dropdown, G_LIST_MODEL (list));
  if (selected != GTK_INVALID_LIST_POSITION
      && selected < g_list_model_get_n_items (G_LIST_MODEL (list)))
    gtk_drop_down_set_selected (self->number_dropdown, selected);
  self->filling--;
}

/* Shows the controls the kind needs. */
static void
show_controls (SmtPeriodPicker *self)
{
  Kind kind = current_kind (self);

  fill_numbers (self, kind);
  gtk_widget_set_visible (GTK_WIDGET (self->number_dropdown),
                          kind == KIND_MONTH || kind == KIND_QUARTER || kind == KIND_HALF);
  gtk_widget_set_visible (GTK_WIDGET (self->year_spin), kind <= KIND_YEAR);
  gtk_widget_set_visible (self->range_box, kind == KIND_RANGE);
}

static void
on_changed (SmtPeriodPicker *self)
{
  if (self->filling == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_kind_changed (SmtPeriodPicker *self)
{
  if (self->filling > 0)
    return;
  show_controls (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
smt_period_picker_set_offers_term (SmtPeriodPicker *self,
                                   gboolean         offers_term)
{
  Kind kind;

  g_return_if_fail (SMT_IS_PERIOD_PICKER (self));

  offers_term = !!offers_term;
  if (offers_term == self->offers_term)
    return;
  kind = current_kind (self);
  self->offers_term = offers_term;
  /* The term gone, the range is the nearest thing to it. */
  fill_kinds (self, kind == KIND_TERM && !offers_term ? KIND_RANGE : kind);
  show_controls (self);
}

void
smt_period_picker_set_term (SmtPeriodPicker *self,
                            const char      *from,
                            const char      *to)
{
  g_return_if_fail (SMT_IS_PERIOD_PICKER (self));

  g_free (self->term_from);
  self->term_from = g_strdup (from);
  g_free (self->term_to);
  self->term_to = g_strdup (to);
}

gboolean
smt_period_picker_is_term (SmtPeriodPicker *self)
{
  g_return_val_if_fail (SMT_IS_PERIOD_PICKER (self), FALSE);

  return current_kind (self) == KIND_TERM;
}

SmtPeriod *
smt_period_picker_get_period (SmtPeriodPicker  *self,
                              char            **message)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  int number = (int) gtk_drop_down_get_selected (self->number_dropdown) + 1;
  g_autoptr(GError) error = NULL;
  SmtPeriod *period = NULL;

  g_return_val_if_fail (SMT_IS_PERIOD_PICKER (self), NULL);

  *message = NULL;
  switch (current_kind (self))
    {
    case KIND_MONTH:
      return smt_period_new_month (year, CLAMP (number, 1, 12));
    case KIND_QUARTER:
      return smt_period_new_quarter (year, CLAMP (number, 1, 4));
    case KIND_HALF:
      return smt_period_new_half (year, CLAMP (number, 1, 2));
    case KIND_NINE_MONTHS:
      return smt_period_new_nine_months (year);
    case KIND_YEAR:
      return smt_period_new_year (year);
    case KIND_TERM:
      if (self->term_from == NULL || self->term_to == NULL)
        {
          *message = g_strdup (_("Choose a resolution: its term is the period."));
          return NULL;
        }
      period = smt_period_new_range (self->term_from, self->term_to, &error);
      break;
    case KIND_RANGE:
    case N_KINDS:
    default:
      {
        g_autofree char *from = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
        g_autofree char *to = smt_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));

        if (from == NULL || to == NULL)
          {
            *message = g_strdup (_("Type both dates as day/month/year, for example 01/01/2025 "
                                   "and 30/06/2025."));
            return NULL;
          }
        period = smt_period_new_range (from, to, &error);
        break;
      }
    }
  if (period == NULL)
    *message = g_strdup (error != NULL ? error->message : _("This period cannot be used."));
  return period;
}

void
smt_period_picker_set_period (SmtPeriodPicker *self,
                              const SmtPeriod *period)
{
  static const Kind kinds[] = {
    [SMT_PERIOD_MONTH] = KIND_MONTH, [SMT_PERIOD_QUARTER] = KIND_QUARTER,
    [SMT_PERIOD_HALF] = KIND_HALF, [SMT_PERIOD_NINE_MONTHS] = KIND_NINE_MONTHS,
    [SMT_PERIOD_YEAR] = KIND_YEAR, [SMT_PERIOD_RANGE] = KIND_RANGE,
  };
  SmtPeriodKind kind;

  g_return_if_fail (SMT_IS_PERIOD_PICKER (self));
  g_return_if_fail (period != NULL);

  kind = smt_period_get_kind (period);
  self->filling++;
  gtk_drop_down_set_selected (self->kind_dropdown, position_of (self, kinds[kind]));
  show_controls (self);
  gtk_spin_button_set_value (self->year_spin, smt_period_get_year (period));
  if (smt_period_get_index (period) > 0)
    gtk_drop_down_set_selected (self->number_dropdown, smt_period_get_index (period) - 1);
  if (kind == SMT_PERIOD_RANGE)
    {
      g_autofree char *from = smt_date_to_display (smt_period_get_start (period));
      g_autofree char *to = smt_date_to_display (smt_period_get_end (period));

      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
    }
  self->filling--;
}

/* The label "_Kỳ" before the picker leads to its first drop-down. */
static gboolean
smt_period_picker_mnemonic_activate (GtkWidget *widget,
                                     gboolean   group_cycling)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SMT_PERIOD_PICKER (widget)->kind_dropdown));
}

static void
smt_period_picker_finalize (GObject *object)
{
  SmtPeriodPicker *self = SMT_PERIOD_PICKER (object);

  g_free (self->term_from);
  g_free (self->term_to);
  G_OBJECT_CLASS (smt_period_picker_parent_class)->finalize (object);
}

static void
smt_period_picker_class_init (SmtPeriodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = smt_period_picker_finalize;
  widget_class->mnemonic_activate = smt_period_picker_mnemonic_activate;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-period-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtPeriodPicker, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtPeriodPicker, number_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtPeriodPicker, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SmtPeriodPicker, range_box);
  gtk_widget_class_bind_template_child (widget_class, SmtPeriodPicker, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtPeriodPicker, to_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
}

static void
smt_period_picker_init (SmtPeriodPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->number_kind = -1;
  fill_kinds (self, KIND_QUARTER);
  show_controls (self);
}

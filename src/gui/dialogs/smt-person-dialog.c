/* smt-person-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/people/smt-household-query.h"
#include "core/people/smt-households.h"
#include "core/people/smt-person-detail.h"
#include "core/people/smt-traits.h"
#include "core/register/smt-date.h"
#include "core/register/smt-text.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-person-dialog.h"

struct _SmtPersonDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkScrolledWindow *scroller;
  AdwEntryRow     *ho_row, *chu_lot_row, *ten_row, *born_row;
  AdwComboRow     *sex_row;
  AdwEntryRow     *ethnicity_row, *religion_row, *cccd_row, *phone_row, *party_row, *note_row;
  GtkWidget       *residence_group;
  AdwComboRow     *residence_kind_row, *hamlet_row, *household_row;
  AdwEntryRow     *address_row, *from_row;
  GtkWidget       *head_row;
  GtkSwitch       *head_switch;
  GtkWidget       *reason_group;
  AdwEntryRow     *reason_row;
  AdwPreferencesGroup *traits_group;
  GtkLabel        *name_error, *personal_error, *residence_error, *reason_error;

  SmtRegister     *reg;
  SmtPersonDetail *before;       /* the person as read, when correcting */
  GPtrArray       *hamlets;      /* SmtHamletInfo */
  GPtrArray       *households;   /* SmtHouseholdInfo of the hamlet chosen */
  GPtrArray       *traits;       /* SmtTraitInfo, one switch each */
  GPtrArray       *trait_switches;  /* GtkSwitch, the same order */
  GArray          *trait_held;   /* gboolean: held today when the dialog opened */
  GtkLabel        *error_shown;  /* the label showing the message, or NULL */
  SmtPersonField   error_field;
};

G_DEFINE_FINAL_TYPE (SmtPersonDialog, smt_person_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static AdwEntryRow *
field_row (SmtPersonDialog *self,
           SmtPersonField   field)
{
  AdwEntryRow *rows[SMT_PERSON_N_FIELDS] = {
    self->ho_row, self->chu_lot_row, self->ten_row, self->born_row, self->ethnicity_row,
    self->religion_row, self->cccd_row, self->phone_row, self->party_row, self->note_row,
    self->address_row, self->from_row, self->reason_row,
  };

  g_assert (field < SMT_PERSON_N_FIELDS);
  return rows[field];
}

static const char *
text_of (SmtPersonDialog *self,
         SmtPersonField   field)
{
  return gtk_editable_get_text (GTK_EDITABLE (field_row (self, field)));
}

/* The label under the group that holds the field. */
static GtkLabel *
label_for (SmtPersonDialog *self,
           SmtPersonField   field)
{
  switch (field)
    {
    case SMT_PERSON_FIELD_ETHNICITY:
    case SMT_PERSON_FIELD_RELIGION:
    case SMT_PERSON_FIELD_CCCD:
    case SMT_PERSON_FIELD_PHONE:
    case SMT_PERSON_FIELD_PARTY_SINCE:
    case SMT_PERSON_FIELD_NOTE:
      return self->personal_error;
    case SMT_PERSON_FIELD_ADDRESS:
    case SMT_PERSON_FIELD_FROM:
      return self->residence_error;
    case SMT_PERSON_FIELD_REASON:
      return self->reason_error;
    case SMT_PERSON_FIELD_HO:
    case SMT_PERSON_FIELD_CHU_LOT:
    case SMT_PERSON_FIELD_TEN:
    case SMT_PERSON_FIELD_BORN:
    case SMT_PERSON_N_FIELDS:
    default:
      return self->name_error;
    }
}

static void
clear_error (SmtPersonDialog *self)
{
  GtkLabel *labels[] = { self->name_error, self->personal_error, self->residence_error,
                         self->reason_error };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
  for (guint i = 0; i < SMT_PERSON_N_FIELDS; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (field_row (self, i)), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->household_row), "error");
  self->error_shown = NULL;
  self->error_field = SMT_PERSON_N_FIELDS;
}

/* Once laid out, scrolls so that the message shows below its field. */
static gboolean
reveal_error (GtkWidget     *label,
              GdkFrameClock *clock,
              gpointer       data)
{
  SmtPersonDialog *self = SMT_PERSON_DIALOG (data);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;

  if (gtk_widget_get_visible (label) && gtk_widget_get_width (label) == 0)
    return G_SOURCE_CONTINUE;
  if (gtk_widget_get_visible (label)
      && gtk_widget_compute_bounds (label, GTK_WIDGET (gtk_scrolled_window_get_child (self->scroller)),
                                    &bounds))
    {
      double bottom = bounds.origin.y + bounds.size.height + 12;
      double page = gtk_adjustment_get_page_size (adj);

      if (bottom > gtk_adjustment_get_value (adj) + page)
        gtk_adjustment_set_value (adj, bottom - page);
    }
  return G_SOURCE_REMOVE;
}

/* Shows message under the group of field (SMT_PERSON_N_FIELDS: the first
 * group), marks the field and puts the cursor in it. */
static void
show_error (SmtPersonDialog *self,
            SmtPersonField   field,
            const char      *message)
{
  GtkLabel *label = label_for (self, field);

  clear_error (self);
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  self->error_shown = label;
  self->error_field = field;
  gtk_widget_add_tick_callback (GTK_WIDGET (label), reveal_error, self, NULL);
  if (field < SMT_PERSON_N_FIELDS)
    {
      gtk_widget_add_css_class (GTK_WIDGET (field_row (self, field)), "error");
      if (!gtk_widget_grab_focus (GTK_WIDGET (field_row (self, field))))
        gtk_widget_child_focus (GTK_WIDGET (field_row (self, field)), GTK_DIR_TAB_FORWARD);
    }
}

static gboolean
mentions (const GError *error,
          const char   *text)
{
  return text != NULL && text[0] != '\0' && strstr (error->message, text) != NULL;
}

/* The field a refusal of smt_person_add / update concerns, as far as
 * its code and message tell. */
static SmtPersonField
person_error_field (SmtPersonDialog *self,
                    const GError    *error)
{
  g_autofree char *ten = smt_text_normalize (text_of (self, SMT_PERSON_FIELD_TEN));
  g_autofree char *party = smt_date_parse (text_of (self, SMT_PERSON_FIELD_PARTY_SINCE));
  g_autofree char *party_shown = party != NULL ? smt_date_to_display (party) : NULL;
  g_autofree char *born = NULL;
  int year = 0;

  if (g_error_matches (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_CCCD))
    return SMT_PERSON_FIELD_CCCD;
  if (mentions (error, text_of (self, SMT_PERSON_FIELD_PHONE)))
    return SMT_PERSON_FIELD_PHONE;
  if (mentions (error, party_shown))
    return SMT_PERSON_FIELD_PARTY_SINCE;
  if (text_of (self, SMT_PERSON_FIELD_HO)[0] == '\0')
    return SMT_PERSON_FIELD_HO;
  if (ten == NULL || ten[0] == '\0' || strchr (ten, ' ') != NULL)
    return SMT_PERSON_FIELD_TEN;
  if (smt_birth_parse (text_of (self, SMT_PERSON_FIELD_BORN), &year, &born) && year > 0)
    {
      g_autofree char *year_text = g_strdup_printf ("%d", year);

      if (mentions (error, year_text))
        return SMT_PERSON_FIELD_BORN;
    }
  return SMT_PERSON_N_FIELDS;
}

/* ---- residence ------------------------------------------------------------ */

static SmtResidenceChoice
residence_choice (SmtPersonDialog *self)
{
  if (!gtk_widget_get_visible (self->residence_group))
    return SMT_RESIDENCE_NONE;
  return (SmtResidenceChoice) adw_combo_row_get_selected (self->residence_kind_row);
}

static gint64
selected_hamlet (SmtPersonDialog *self)
{
  guint i = adw_combo_row_get_selected (self->hamlet_row);

  if (self->hamlets == NULL || i >= self->hamlets->len)
    return 0;
  return ((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->id;
}

static gint64
selected_household (SmtPersonDialog *self)
{
  guint i = adw_combo_row_get_selected (self->household_row);

  if (self->households == NULL || i >= self->households->len)
    return 0;
  return ((SmtHouseholdInfo *) g_ptr_array_index (self->households, i))->id;
}

static void
on_hamlet_changed (SmtPersonDialog *self,
                   GParamSpec      *pspec,
                   AdwComboRow     *row)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 hamlet = selected_hamlet (self);

  g_clear_pointer (&self->households, g_ptr_array_unref);
  if (hamlet != 0)
    self->households = smt_households_list (self->reg, hamlet, NULL, &error);
  if (self->households == NULL)
    {
      if (error != NULL)
        show_error (self, SMT_PERSON_FIELD_FROM, error->message);
      self->households = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->households->len; i++)
    {
      const SmtHouseholdInfo *h = g_ptr_array_index (self->households, i);
      g_autofree char *line = NULL;

      /* Translators: a household and how many people live in it */
      line = g_strdup_printf (ngettext ("%s (%u person)", "%s (%u people)", h->members),
                              h->label, h->members);
      gtk_string_list_append (names, line);
    }
  adw_combo_row_set_model (self->household_row, G_LIST_MODEL (names));
}

static void
on_residence_kind_changed (SmtPersonDialog *self,
                           GParamSpec      *pspec,
                           AdwComboRow     *row)
{
  SmtResidenceChoice choice = adw_combo_row_get_selected (self->residence_kind_row);

  gtk_widget_set_visible (GTK_WIDGET (self->hamlet_row), choice != SMT_RESIDENCE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->household_row), choice == SMT_RESIDENCE_EXISTING);
  gtk_widget_set_visible (GTK_WIDGET (self->address_row), choice == SMT_RESIDENCE_NEW);
  gtk_widget_set_visible (self->head_row, choice != SMT_RESIDENCE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), choice != SMT_RESIDENCE_NONE);
  /* Who founds a household heads it, unless said otherwise. */
  gtk_switch_set_active (self->head_switch, choice == SMT_RESIDENCE_NEW);
}

/* ---- undo -------------------------------------------------------------------- */

static gboolean
undo_add (SmtRegister  *reg,
          gpointer      data,
          GError      **error)
{
  /* Only a person without any history can go; core refuses otherwise. */
  return smt_person_delete (reg, *(gint64 *) data, error);
}

static gboolean
undo_edit (SmtRegister  *reg,
           gpointer      data,
           GError      **error)
{
  const SmtPersonDetail *d = data;
  SmtPersonFields fields = {
    .ho = d->ho, .chu_lot = d->chu_lot, .ten = d->ten, .sex = d->sex,
    .birth_date = d->birth_date, .birth_year = d->birth_year, .ethnicity = d->ethnicity,
    .religion = d->religion, .cccd = d->cccd, .phone = d->phone, .party_since = d->party_since,
    .note = d->note,
  };

  return smt_person_update (reg, d->id, &fields, _("Undone (Ctrl+Z) right after it was recorded"),
                            error);
}

/* ---- saving ------------------------------------------------------------------ */

/* ---- traits ------------------------------------------------------------------- */

/* One switch per trait of the register, on when the person has it today. */
static void
fill_traits (SmtPersonDialog       *self,
             const SmtPersonDetail *before)
{
  const char *today = smt_register_get_today (self->reg);

  self->traits = smt_traits_list (self->reg, NULL);
  if (self->traits == NULL)
    self->traits = g_ptr_array_new ();
  self->trait_switches = g_ptr_array_new ();
  self->trait_held = g_array_new (FALSE, TRUE, sizeof (gboolean));
  for (guint i = 0; i < self->traits->len; i++)
    {
      const SmtTraitInfo *t = g_ptr_array_index (self->traits, i);
      gboolean held = before != NULL && smt_person_has_trait (self->reg, before->id, t->id, today);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t->name);
      if (t->organisations[0] != '\0')
        {
          /* Translators: the organisations whose rule asks for a trait */
          g_autofree char *sub = g_strdup_printf (_("Asked for by: %s"), t->organisations);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
        }
      gtk_switch_set_active (GTK_SWITCH (sw), held);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      adw_preferences_group_add (self->traits_group, row);
      g_ptr_array_add (self->trait_switches, sw);
      g_array_append_val (self->trait_held, held);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->traits_group), self->traits->len > 0);
}

/* What the switches changed, for person_id: a trait switched on is
 * recorded since before the register (from today when the person had it
 * once and it ended); one switched off, in a correction, was wrong: the
 * records that hold today are voided with the reason. */
static gboolean
save_traits (SmtPersonDialog  *self,
             gint64            person_id,
             const char       *reason,
             GError          **error)
{
  const char *today = smt_register_get_today (self->reg);

  for (guint i = 0; i < self->traits->len; i++)
    {
      const SmtTraitInfo *t = g_ptr_array_index (self->traits, i);
      gboolean on = gtk_switch_get_active (g_ptr_array_index (self->trait_switches, i));
      gboolean held = g_array_index (self->trait_held, gboolean, i);
      g_autoptr(GPtrArray) records = NULL;
      gboolean had = FALSE;

      if (on == held)
        continue;
      if ((records = smt_person_traits (self->reg, person_id, FALSE, error)) == NULL)
        return FALSE;
      for (guint k = 0; k < records->len; k++)
        {
          const SmtPersonTraitRow *r = g_ptr_array_index (records, k);
          gboolean today_in = (r->from_date == NULL || g_strcmp0 (r->from_date, today) <= 0)
                              && (r->to_date == NULL || g_strcmp0 (r->to_date, today) >= 0);

          if (r->trait_id != t->id)
            continue;
          had = TRUE;
          if (!on && today_in && smt_person_trait_void (self->reg, r->id, reason, error) == 0)
            return FALSE;
        }
      if (on && smt_person_trait_add (self->reg, person_id, t->id, had ? today : NULL, NULL,
                                      reason, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_new (SmtPersonDialog       *self,
          const SmtPersonFields *fields,
          gint64                *person_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  SmtResidenceChoice choice = residence_choice (self);
  gint64 hamlet = selected_hamlet (self);
  gint64 household = 0, id;

  if (choice != SMT_RESIDENCE_NONE)
    {
      from = smt_date_parse (text_of (self, SMT_PERSON_FIELD_FROM));
      if (from == NULL)
        {
          show_error (self, SMT_PERSON_FIELD_FROM,
                      _("The date is not a date. Type it as day/month/year, for example "
                        "05/02/2026."));
          return FALSE;
        }
      if (hamlet == 0)
        {
          show_error (self, SMT_PERSON_FIELD_FROM, _("Choose the hamlet."));
          return FALSE;
        }
    }
  if (choice == SMT_RESIDENCE_EXISTING && (household = selected_household (self)) == 0)
    {
      show_error (self, SMT_PERSON_FIELD_FROM,
                  _("The hamlet has no household yet. Choose “A new household” instead."));
      gtk_widget_add_css_class (GTK_WIDGET (self->household_row), "error");
      return FALSE;
    }

  /* The person, the household and the residence: all or nothing. */
  if (!smt_register_begin (self->reg, &error))
    {
      show_error (self, SMT_PERSON_N_FIELDS, error->message);
      return FALSE;
    }
  id = smt_person_add (self->reg, fields, &error);
  if (id == 0)
    {
      smt_register_rollback (self->reg);
      show_error (self, person_error_field (self, error), error->message);
      return FALSE;
    }
  if (choice == SMT_RESIDENCE_NEW)
    {
      household = smt_household_add (self->reg, hamlet, text_of (self, SMT_PERSON_FIELD_ADDRESS),
                                     from, &error);
      if (household == 0)
        {
          smt_register_rollback (self->reg);
          show_error (self, SMT_PERSON_FIELD_ADDRESS, error->message);
          return FALSE;
        }
    }
  if (household != 0
      && smt_residence_move (self->reg, id, household, from,
                             gtk_switch_get_active (self->head_switch), "", &error) == 0)
    {
      smt_register_rollback (self->reg);
      show_error (self, SMT_PERSON_FIELD_FROM, error->message);
      return FALSE;
    }
  if (!save_traits (self, id, "", &error))
    {
      smt_register_rollback (self->reg);
      show_error (self, SMT_PERSON_N_FIELDS, error->message);
      return FALSE;
    }
  if (!smt_register_commit (self->reg, &error))
    {
      show_error (self, SMT_PERSON_N_FIELDS, error->message);
      return FALSE;
    }
  *person_id = id;
  {
    g_autofree char *name = g_strjoin (" ", fields->ho, fields->chu_lot, fields->ten, NULL);
    g_autofree char *clean = smt_text_normalize (name);
    g_autofree char *message = g_strdup_printf (_("%s was added"), clean);

    /* A person with a residence has history, which is never deleted:
     * correct them instead. Without one, Ctrl+Z removes them. */
    if (household == 0)
      smt_view_record_change (GTK_WIDGET (self), message, undo_add,
                              g_memdup2 (&id, sizeof id), g_free);
    else
      smt_view_record_change (GTK_WIDGET (self), message, NULL, NULL, NULL);
  }
  return TRUE;
}

static gboolean
save_edit (SmtPersonDialog       *self,
           const SmtPersonFields *fields)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = smt_text_normalize (text_of (self, SMT_PERSON_FIELD_REASON));

  if (reason == NULL || reason[0] == '\0')
    {
      show_error (self, SMT_PERSON_FIELD_REASON,
                  _("Say why the record changes: the register keeps the old values with "
                    "the reason."));
      return FALSE;
    }
  /* The record and the traits: all or nothing. */
  if (!smt_register_begin (self->reg, &error))
    {
      show_error (self, SMT_PERSON_N_FIELDS, error->message);
      return FALSE;
    }
  if (!smt_person_update (self->reg, self->before->id, fields, reason, &error))
    {
      smt_register_rollback (self->reg);
      show_error (self, person_error_field (self, error), error->message);
      return FALSE;
    }
  if (!save_traits (self, self->before->id, reason, &error)
      || !smt_register_commit (self->reg, &error))
    {
      smt_register_rollback (self->reg);
      show_error (self, SMT_PERSON_N_FIELDS, error->message);
      return FALSE;
    }
  smt_view_record_change (GTK_WIDGET (self), _("The person's record was corrected"), undo_edit,
                          g_steal_pointer (&self->before),
                          (GDestroyNotify) smt_person_detail_free);
  return TRUE;
}

gboolean
smt_person_dialog_save (SmtPersonDialog *self)
{
  g_autofree char *birth_date = NULL;
  g_autofree char *party = NULL;
  const char *party_text;
  SmtPersonFields fields = { 0 };
  gint64 person_id = 0;
  gboolean editing;

  g_return_val_if_fail (SMT_IS_PERSON_DIALOG (self), FALSE);

  clear_error (self);
  editing = self->before != NULL;
  if (!smt_birth_parse (text_of (self, SMT_PERSON_FIELD_BORN), &fields.birth_year, &birth_date))
    {
      show_error (self, SMT_PERSON_FIELD_BORN,
                  _("Type the date of birth as day/month/year (05/02/1962), or the year "
                    "alone (1962) when the day is not known."));
      return FALSE;
    }
  party_text = text_of (self, SMT_PERSON_FIELD_PARTY_SINCE);
  if (party_text[0] != '\0' && (party = smt_date_parse (party_text)) == NULL)
    {
      show_error (self, SMT_PERSON_FIELD_PARTY_SINCE,
                  _("The date is not a date. Type it as day/month/year, for example "
                    "05/02/2026."));
      return FALSE;
    }
  fields.ho = text_of (self, SMT_PERSON_FIELD_HO);
  fields.chu_lot = text_of (self, SMT_PERSON_FIELD_CHU_LOT);
  fields.ten = text_of (self, SMT_PERSON_FIELD_TEN);
  fields.sex = adw_combo_row_get_selected (self->sex_row) == 1 ? SMT_SEX_FEMALE : SMT_SEX_MALE;
  fields.birth_date = birth_date;
  fields.ethnicity = text_of (self, SMT_PERSON_FIELD_ETHNICITY);
  fields.religion = text_of (self, SMT_PERSON_FIELD_RELIGION);
  fields.cccd = text_of (self, SMT_PERSON_FIELD_CCCD);
  fields.phone = text_of (self, SMT_PERSON_FIELD_PHONE);
  fields.party_since = party;
  fields.note = text_of (self, SMT_PERSON_FIELD_NOTE);

  if (editing)
    {
      person_id = self->before->id;
      if (!save_edit (self, &fields))
        return FALSE;
    }
  else if (!save_new (self, &fields, &person_id))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, person_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtPersonDialog *self,
                 GtkButton       *button)
{
  smt_person_dialog_save (self);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
smt_person_dialog_dispose (GObject *object)
{
  SmtPersonDialog *self = SMT_PERSON_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->before, smt_person_detail_free);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  g_clear_pointer (&self->households, g_ptr_array_unref);
  g_clear_pointer (&self->traits, g_ptr_array_unref);
  g_clear_pointer (&self->trait_switches, g_ptr_array_unref);
  g_clear_pointer (&self->trait_held, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_PERSON_DIALOG);

  G_OBJECT_CLASS (smt_person_dialog_parent_class)->dispose (object);
}

static void
smt_person_dialog_class_init (SmtPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_person_dialog_dispose;

  /**
   * SmtPersonDialog::saved:
   * @person_id: the key of the person added or corrected
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, ho_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, chu_lot_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, ten_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, sex_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, born_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, ethnicity_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, religion_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, cccd_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, party_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, residence_group);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, residence_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, hamlet_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, household_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, head_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, head_switch);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, traits_group);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, personal_error);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, residence_error);
  gtk_widget_class_bind_template_child (widget_class, SmtPersonDialog, reason_error);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_hamlet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_residence_kind_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_person_dialog_init (SmtPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->error_field = SMT_PERSON_N_FIELDS;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

SmtPersonDialog *
smt_person_dialog_new (GtkWindow    *parent,
                       SmtRegister  *reg,
                       gint64        person_id,
                       GError      **error)
{
  g_autoptr(SmtPersonDetail) before = NULL;
  g_autoptr(GtkStringList) sexes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) hamlet_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autofree char *today = NULL;
  SmtPersonDialog *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  if (person_id != 0 && (before = smt_person_detail_get (reg, person_id, error)) == NULL)
    return NULL;
  if ((hamlets = smt_hamlets_list (reg, error)) == NULL)
    return NULL;

  /* Like every GtkWindow, owned by GTK's list of toplevels. */
  self = g_object_new (SMT_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->hamlets = g_steal_pointer (&hamlets);

  gtk_string_list_append (sexes, C_("sex", "Male"));
  gtk_string_list_append (sexes, C_("sex", "Female"));
  adw_combo_row_set_model (self->sex_row, G_LIST_MODEL (sexes));
  /* In the order of SmtResidenceChoice. */
  gtk_string_list_append (kinds, _("A household of the commune"));
  gtk_string_list_append (kinds, _("A new household"));
  gtk_string_list_append (kinds, _("Not in a household of the commune"));
  adw_combo_row_set_model (self->residence_kind_row, G_LIST_MODEL (kinds));
  for (guint i = 0; i < self->hamlets->len; i++)
    gtk_string_list_append (hamlet_names,
                            ((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->name);
  adw_combo_row_set_model (self->hamlet_row, G_LIST_MODEL (hamlet_names));
  on_hamlet_changed (self, NULL, self->hamlet_row);
  on_residence_kind_changed (self, NULL, self->residence_kind_row);
  today = smt_date_to_display (smt_register_get_today (reg));
  set_row_text (self->from_row, today);

  if (before != NULL)
    {
      g_autofree char *born = before->birth_date != NULL
                              ? smt_date_to_display (before->birth_date)
                              : g_strdup_printf ("%d", before->birth_year);
      g_autofree char *party = before->party_since != NULL
                               ? smt_date_to_display (before->party_since) : NULL;

      gtk_window_set_title (GTK_WINDOW (self), _("Correct a Person's Record"));
      adw_window_title_set_title (self->window_title, _("Correct a Person's Record"));
      adw_window_title_set_subtitle (self->window_title, before->name);
      set_row_text (self->ho_row, before->ho);
      set_row_text (self->chu_lot_row, before->chu_lot);
      set_row_text (self->ten_row, before->ten);
      adw_combo_row_set_selected (self->sex_row, before->sex == 'F' ? 1 : 0);
      set_row_text (self->born_row, born);
      set_row_text (self->ethnicity_row, before->ethnicity);
      set_row_text (self->religion_row, before->religion);
      set_row_text (self->cccd_row, before->cccd);
      set_row_text (self->phone_row, before->phone);
      set_row_text (self->party_row, party);
      set_row_text (self->note_row, before->note);
      /* Where they live changes by a move, with its own date. */
      gtk_widget_set_visible (self->residence_group, FALSE);
      fill_traits (self, before);
      self->before = g_steal_pointer (&before);
    }
  else
    {
      gtk_widget_set_visible (self->reason_group, FALSE);
      fill_traits (self, NULL);
    }

  /* Enter in any field saves, as the button does. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->ho_row));
  return self;
}

void
smt_person_dialog_set_text (SmtPersonDialog *self,
                            SmtPersonField   field,
                            const char      *text)
{
  g_return_if_fail (SMT_IS_PERSON_DIALOG (self));
  g_return_if_fail (field < SMT_PERSON_N_FIELDS);
  set_row_text (field_row (self, field), text);
}

const char *
smt_person_dialog_get_text (SmtPersonDialog *self,
                            SmtPersonField   field)
{
  g_return_val_if_fail (SMT_IS_PERSON_DIALOG (self), NULL);
  g_return_val_if_fail (field < SMT_PERSON_N_FIELDS, NULL);
  return text_of (self, field);
}

void
smt_person_dialog_set_sex (SmtPersonDialog *self,
                           SmtSex           sex)
{
  g_return_if_fail (SMT_IS_PERSON_DIALOG (self));
  adw_combo_row_set_selected (self->sex_row, sex == SMT_SEX_FEMALE ? 1 : 0);
}

gboolean
smt_person_dialog_choose_residence (SmtPersonDialog    *self,
                                    SmtResidenceChoice  choice,
                                    gint64              hamlet_id,
                                    gint64              household_id)
{
  gboolean found = hamlet_id == 0;

  g_return_val_if_fail (SMT_IS_PERSON_DIALOG (self), FALSE);

  adw_combo_row_set_selected (self->residence_kind_row, choice);
  for (guint i = 0; hamlet_id != 0 && i < self->hamlets->len; i++)
    if (((SmtHamletInfo *) g_ptr_array_index (self->hamlets, i))->id == hamlet_id)
      {
        adw_combo_row_set_selected (self->hamlet_row, i);
        found = TRUE;
      }
  if (!found || household_id == 0)
    return found;
  for (guint i = 0; i < self->households->len; i++)
    if (((SmtHouseholdInfo *) g_ptr_array_index (self->households, i))->id == household_id)
      {
        adw_combo_row_set_selected (self->household_row, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
smt_person_dialog_set_trait (SmtPersonDialog *self,
                             const char      *code,
                             gboolean         on)
{
  g_return_val_if_fail (SMT_IS_PERSON_DIALOG (self), FALSE);

  for (guint i = 0; i < self->traits->len; i++)
    if (g_ascii_strcasecmp (((SmtTraitInfo *) g_ptr_array_index (self->traits, i))->code,
                            code) == 0)
      {
        gtk_switch_set_active (g_ptr_array_index (self->trait_switches, i), on);
        return TRUE;
      }
  return FALSE;
}

void
smt_person_dialog_set_head (SmtPersonDialog *self,
                            gboolean         head)
{
  g_return_if_fail (SMT_IS_PERSON_DIALOG (self));
  gtk_switch_set_active (self->head_switch, head);
}

const char *
smt_person_dialog_get_error (SmtPersonDialog *self,
                             SmtPersonField  *field)
{
  g_return_val_if_fail (SMT_IS_PERSON_DIALOG (self), NULL);
  if (field != NULL)
    *field = self->error_field;
  if (self->error_shown == NULL)
    return NULL;
  return gtk_label_get_text (self->error_shown);
}

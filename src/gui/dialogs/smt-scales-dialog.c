/* smt-scales-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/activity/smt-rating-query.h"
#include "core/organisations/smt-organisation-query.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "smt-scales-dialog.h"

struct _SmtScalesDialog
{
  AdwWindow      parent_instance;

  /* template widgets */
  GtkBox        *scales_box;
  AdwComboRow   *scale_row;
  AdwComboRow   *organisation_row;
  AdwComboRow   *subject_row;    /* the subjects in the order of subjects[] */
  GtkSpinButton *year_spin;
  GtkLabel      *error_label;

  /* owned */
  SmtRegister   *reg;
  GPtrArray     *scales;         /* SmtRatingScale, one per scale_row entry */
  GPtrArray     *organisations;  /* SmtOrganisationInfo; entry i + 1 of organisation_row */
};

G_DEFINE_FINAL_TYPE (SmtScalesDialog, smt_scales_dialog, ADW_TYPE_WINDOW)

/* The entries of subject_row. */
static const SmtRatingSubject subjects[] = {
  SMT_RATING_SUBJECT_ALL, SMT_RATING_SUBJECT_MEMBER, SMT_RATING_SUBJECT_BRANCH,
  SMT_RATING_SUBJECT_ORGANISATION,
};

/* Whom a scale rates, in words for the form and the list. */
static const char *
subject_words (SmtRatingSubject subject)
{
  switch (subject)
    {
    case SMT_RATING_SUBJECT_MEMBER: return _("Members");
    case SMT_RATING_SUBJECT_BRANCH: return _("Branches");
    case SMT_RATING_SUBJECT_ORGANISATION: return _("The organisations themselves");
    case SMT_RATING_SUBJECT_ALL:
    default: return _("Everyone rated");
    }
}

static void
show_error (SmtScalesDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
use_text (const SmtRatingScaleUse *u)
{
  const char *org = u->organisation != NULL ? u->organisation : _("every organisation");
  g_autofree char *who = NULL;

  if (u->subject != SMT_RATING_SUBJECT_ALL)
    {
      g_autofree char *words = g_utf8_strdown (subject_words (u->subject), -1);

      /* Translators: for whom a scale is in force: "mọi tổ chức, đoàn viên, hội viên" */
      who = g_strdup_printf (_("%s, %s"), org, words);
    }
  else
    who = g_strdup (org);
  if (u->to_year != 0)
    /* Translators: years a scale is in force, then for whom: "1990–2022, mọi tổ chức" */
    return g_strdup_printf (_("%d–%d, %s"), u->from_year, u->to_year, who);
  /* Translators: the first year a scale is in force, then for whom */
  return g_strdup_printf (_("From %d, %s"), u->from_year, who);
}

/* Reads the scales again and shows them; keeps the form's choices. */
static gboolean
fill (SmtScalesDialog  *self,
      GError          **error)
{
  g_autoptr(GPtrArray) scales = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint chosen = adw_combo_row_get_selected (self->scale_row);
  GtkWidget *child;

  if ((scales = smt_rating_scales_list (self->reg, error)) == NULL)
    return FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scales_box))) != NULL)
    gtk_box_remove (self->scales_box, child);
  for (guint i = 0; i < scales->len; i++)
    {
      const SmtRatingScale *s = g_ptr_array_index (scales, i);
      GtkWidget *group = adw_preferences_group_new ();
      g_autoptr(GString) years = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("%s (%s)", s->name, s->code);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      for (guint u = 0; u < s->uses->len; u++)
        {
          g_autofree char *text = use_text (g_ptr_array_index (s->uses, u));

          g_string_append_printf (years, "%s%s", u > 0 ? "; " : "", text);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 row_new (_("In force"),
                                          years->len > 0 ? years->str
                                                         : _("not in force in any year")));
      for (guint l = 0; l < s->levels->len; l++)
        {
          const SmtRatingLevel *level = g_ptr_array_index (s->levels, l);
          g_autofree char *level_title = g_strdup_printf ("%d · %s", level->rank, level->name);
          g_autofree char *subtitle = NULL;

          if (level->counts_strong)
            /* Translators: a level's code, and that it counts in the "vững mạnh" indicator */
            subtitle = g_strdup_printf (_("%s · counts as strong (vững mạnh)"), level->code);
          else
            subtitle = g_strdup (level->code);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     row_new (level_title, subtitle));
        }
      gtk_box_append (self->scales_box, group);
      gtk_string_list_append (names, title);
    }
  g_clear_pointer (&self->scales, g_ptr_array_unref);
  self->scales = g_steal_pointer (&scales);
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (names));
  if (chosen < self->scales->len)
    adw_combo_row_set_selected (self->scale_row, chosen);
  return TRUE;
}

typedef struct
{
  char             *scale_code;
  int               from_year;
  gint64            organisation_id;
  SmtRatingSubject  subject;
} ScaleUndo;

static void
scale_undo_free (gpointer data)
{
  ScaleUndo *undo = data;

  g_free (undo->scale_code);
  g_free (undo);
}

/* Puts the scale in force before back from the same year. */
static gboolean
undo_scale (SmtRegister  *reg,
            gpointer      data,
            GError      **error)
{
  const ScaleUndo *undo = data;

  return smt_rating_scale_use_set (reg, undo->scale_code, undo->from_year,
                                   undo->organisation_id, undo->subject, error) != 0;
}

gboolean
smt_scales_dialog_save (SmtScalesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRatingScale) before = NULL;
  const SmtRatingScale *scale;
  SmtRatingSubject subject = SMT_RATING_SUBJECT_ALL;
  guint s, o, k;
  gint64 organisation_id = 0;
  int year;
  g_autofree char *message = NULL;
  ScaleUndo *undo = NULL;

  g_return_val_if_fail (SMT_IS_SCALES_DIALOG (self), FALSE);

  s = adw_combo_row_get_selected (self->scale_row);
  o = adw_combo_row_get_selected (self->organisation_row);
  if (self->scales == NULL || s >= self->scales->len)
    {
      show_error (self, _("Choose a scale."));
      return FALSE;
    }
  scale = g_ptr_array_index (self->scales, s);
  if (o > 0 && o <= self->organisations->len)
    organisation_id = ((const SmtOrganisationInfo *)
                       g_ptr_array_index (self->organisations, o - 1))->id;
  k = adw_combo_row_get_selected (self->subject_row);
  if (k < G_N_ELEMENTS (subjects))
    subject = subjects[k];
  year = gtk_spin_button_get_value_as_int (self->year_spin);
  before = smt_rating_scale_in_force (self->reg, year, organisation_id, subject, NULL);
  if (smt_rating_scale_use_set (self->reg, scale->code, year, organisation_id, subject,
                                &error) == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  if (before != NULL)
    {
      undo = g_new0 (ScaleUndo, 1);
      undo->scale_code = g_strdup (before->code);
      undo->from_year = year;
      undo->organisation_id = organisation_id;
      undo->subject = subject;
    }
  /* Translators: a scale's name, then the first year it is in force */
  message = g_strdup_printf (_("%s is in force from %d"), scale->name, year);
  smt_view_record_change (GTK_WIDGET (self), message, undo != NULL ? undo_scale : NULL, undo,
                          undo != NULL ? scale_undo_free : NULL);
  fill (self, NULL);
  return TRUE;
}

static void
on_apply_clicked (SmtScalesDialog *self)
{
  smt_scales_dialog_save (self);
}

gboolean
smt_scales_dialog_select (SmtScalesDialog  *self,
                          const char       *scale_code,
                          gint64            organisation_id,
                          SmtRatingSubject  subject,
                          int               from_year)
{
  gboolean found = FALSE;

  g_return_val_if_fail (SMT_IS_SCALES_DIALOG (self), FALSE);

  for (guint i = 0; self->scales != NULL && i < self->scales->len; i++)
    if (g_strcmp0 (((const SmtRatingScale *) g_ptr_array_index (self->scales, i))->code,
                   scale_code) == 0)
      {
        adw_combo_row_set_selected (self->scale_row, i);
        found = TRUE;
      }
  if (organisation_id == 0)
    adw_combo_row_set_selected (self->organisation_row, 0);
  else
    {
      gboolean org_found = FALSE;

      for (guint i = 0; i < self->organisations->len; i++)
        if (((const SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->id
            == organisation_id)
          {
            adw_combo_row_set_selected (self->organisation_row, i + 1);
            org_found = TRUE;
          }
      found = found && org_found;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    if (subjects[i] == subject)
      adw_combo_row_set_selected (self->subject_row, i);
  gtk_spin_button_set_value (self->year_spin, from_year);
  return found;
}

const char *
smt_scales_dialog_get_error (SmtScalesDialog *self)
{
  g_return_val_if_fail (SMT_IS_SCALES_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

static void
smt_scales_dialog_dispose (GObject *object)
{
  SmtScalesDialog *self = SMT_SCALES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_SCALES_DIALOG);
  g_clear_pointer (&self->scales, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (smt_scales_dialog_parent_class)->dispose (object);
}

static void
smt_scales_dialog_class_init (SmtScalesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_scales_dialog_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-scales-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtScalesDialog, scales_box);
  gtk_widget_class_bind_template_child (widget_class, SmtScalesDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, SmtScalesDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SmtScalesDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, SmtScalesDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SmtScalesDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_scales_dialog_init (SmtScalesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmtScalesDialog *
smt_scales_dialog_new (GtkWindow    *parent,
                       SmtRegister  *reg,
                       gint64        organisation_id,
                       int           year,
                       GError      **error)
{
  SmtScalesDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int this_year;
  guint chosen = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  /* Like every GtkWindow, owned by GTK's list of toplevels. */
  self = g_object_new (SMT_TYPE_SCALES_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  if ((self->organisations = smt_organisations_list (reg, error)) == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_string_list_append (names, _("Every organisation without its own scale"));
  for (guint i = 0; i < self->organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (self->organisations, i);

      gtk_string_list_append (names, o->name);
      if (o->id == organisation_id)
        chosen = i + 1;
    }
  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->organisation_row, chosen);
  {
    g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
      gtk_string_list_append (kinds, subject_words (subjects[i]));
    adw_combo_row_set_model (self->subject_row, G_LIST_MODEL (kinds));
  }
  this_year = (int) g_ascii_strtoll (smt_register_get_today (reg), NULL, 10);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->year_spin), this_year + 1);
  gtk_spin_button_set_value (self->year_spin, year > 0 ? year : this_year + 1);
  if (!fill (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

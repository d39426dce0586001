/* smt-demo-names.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Data tables of the demo commune: names, hamlets, topics. Weights are
 * relative frequencies. Internal to smt-demo.c. */

typedef struct
{
  const char *text;
  guint       weight;
} SmtDemoWeighted;

typedef struct
{
  const SmtDemoWeighted *items;
  guint                  n_items;
} SmtDemoTable;

/* Family names (họ) of Kinh, Khmer and Hoa households. */
extern const SmtDemoTable smt_demo_family_kinh;
extern const SmtDemoTable smt_demo_family_khmer;
extern const SmtDemoTable smt_demo_family_hoa;

/* Middle names (chữ lót) other than Văn and Thị, which the generator
 * weighs by birth year. */
extern const SmtDemoTable smt_demo_middle_male;
extern const SmtDemoTable smt_demo_middle_female;

/* Given names (tên): for every generation, for people born before 1965,
 * for people born from 1995. */
extern const SmtDemoTable smt_demo_given_male;
extern const SmtDemoTable smt_demo_given_male_old;
extern const SmtDemoTable smt_demo_given_male_young;
extern const SmtDemoTable smt_demo_given_female;
extern const SmtDemoTable smt_demo_given_female_old;
extern const SmtDemoTable smt_demo_given_female_young;
extern const SmtDemoTable smt_demo_given_khmer_male;
extern const SmtDemoTable smt_demo_given_khmer_female;

/* Hamlet names without "Ấp" (at least 24). */
extern const char *const smt_demo_hamlet_names[];
extern const guint       smt_demo_n_hamlet_names;

/* Places members go to work away from home. */
extern const char *const smt_demo_away_places[];
extern const guint       smt_demo_n_away_places;

/* Regular meeting topics by month (index 0 = January). */
extern const char *const smt_demo_monthly_topics[12];
/* Thematic meeting topics. */
extern const char *const smt_demo_thematic_topics[];
extern const guint       smt_demo_n_thematic_topics;

/* Resolutions and directives studied, by year from 2016 to 2026. */
typedef struct
{
  int         year;
  const char *date;      /* MM-DD */
  const char *subject;
} SmtDemoStudy;

extern const SmtDemoStudy smt_demo_studies[];
extern const guint        smt_demo_n_studies;

G_END_DECLS

"""Indicators over time: periods with dates, targets, RAG, direction, comparators, names as
printed, narrative figures, mentions and the officers' audit trail.  Values already stored
get their period's canonical label and dates, and each indicator its printed name."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def fill_periods(apps, schema_editor):
    from scrutiny.web.performance.identity import key
    from scrutiny.web.performance.periods import parse_period

    Indicator = apps.get_model("performance", "Indicator")
    IndicatorName = apps.get_model("performance", "IndicatorName")
    IndicatorValue = apps.get_model("performance", "IndicatorValue")
    for ind in Indicator.objects.all():
        ind.key = key(ind.name)[:500]
        ind.save(update_fields=["key"])
        IndicatorName.objects.get_or_create(indicator=ind, name=ind.name[:500],
                                            defaults={"key": ind.key})
        rows, seen = [], set()
        for v in IndicatorValue.objects.filter(indicator=ind).order_by("pk"):
            p = parse_period(v.period)
            if p.label in seen:              # the same period printed two ways
                v.delete()
                continue
            seen.add(p.label)
            rows.append((v, p))
        for v, p in rows:                    # out of the way of the unique constraint
            v.period = f"~{v.pk}"
            v.save(update_fields=["period"])
        for v, p in rows:
            v.period_printed, v.period, v.period_kind = v.period_printed or p.printed, \
                p.label[:60], p.kind
            v.period_start, v.period_end = p.start, p.end
            v.save()


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0001_initial'),
        ('record', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='IndicatorAudit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('merge', 'Merged'), ('split', 'Split'), ('edit', 'Edited'), ('import', 'Imported')], max_length=10)),
                ('at', models.DateTimeField(auto_now_add=True)),
                ('summary', models.CharField(max_length=500)),
                ('before', models.JSONField(blank=True, default=dict)),
                ('after', models.JSONField(blank=True, default=dict)),
            ],
            options={
                'ordering': ['-at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='IndicatorMention',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('line', models.PositiveIntegerField(blank=True, null=True)),
                ('end_line', models.PositiveIntegerField(blank=True, null=True)),
                ('page', models.PositiveIntegerField(blank=True, null=True)),
                ('snippet', models.TextField(blank=True)),
            ],
            options={
                'ordering': ['indicator', 'document', 'line'],
            },
        ),
        migrations.CreateModel(
            name='IndicatorName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=500)),
                ('key', models.CharField(db_index=True, max_length=500)),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='NarrativeFigure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('line', models.PositiveIntegerField(blank=True, null=True)),
                ('end_line', models.PositiveIntegerField(blank=True, null=True)),
                ('page', models.PositiveIntegerField(blank=True, null=True)),
                ('figure', models.CharField(help_text='The figure as the text prints it', max_length=60)),
                ('number', models.DecimalField(decimal_places=8, max_digits=24)),
                ('sentence', models.TextField()),
            ],
            options={
                'ordering': ['value', 'line'],
            },
        ),
        migrations.AlterModelOptions(
            name='indicator',
            options={'ordering': ['council', 'service_area', 'name']},
        ),
        migrations.AlterModelOptions(
            name='indicatorvalue',
            options={'ordering': ['indicator', 'period_end', 'period_start', 'period']},
        ),
        migrations.RemoveConstraint(
            model_name='indicator',
            name='indicator_unique_key',
        ),
        migrations.AddField(
            model_name='indicator',
            name='created',
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='indicator',
            name='definition',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='indicator',
            name='polarity',
            field=models.CharField(blank=True, choices=[('higher', 'Higher is better'), ('lower', 'Lower is better'), ('', 'Not known')], default='', help_text='Whether a higher or a lower value is better', max_length=10),
        ),
        migrations.AddField(
            model_name='indicator',
            name='polarity_source',
            field=models.CharField(blank=True, help_text='How the polarity was worked out', max_length=60),
        ),
        migrations.AddField(
            model_name='indicator',
            name='ref',
            field=models.CharField(blank=True, help_text='The council\'s reference for the measure, where it prints or imports one ("CS04")', max_length=60),
        ),
        migrations.AddField(
            model_name='indicator',
            name='service_area',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name='indicator',
            name='updated',
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='comparators',
            field=models.JSONField(blank=True, default=dict, help_text='Every comparator as printed: {label: value}'),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='direction',
            field=models.CharField(blank=True, help_text='Direction of travel as printed', max_length=60),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='england',
            field=models.DecimalField(blank=True, decimal_places=8, help_text='England or national figure', max_digits=24, null=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='name_printed',
            field=models.CharField(blank=True, help_text="The measure's name where this value was printed", max_length=500),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='other_printings',
            field=models.JSONField(blank=True, default=list, help_text='Other papers that print this period with a different value'),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='period_end',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='period_kind',
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='period_printed',
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='period_start',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='quartile',
            field=models.PositiveSmallIntegerField(blank=True, help_text='National quartile (1 = top)', null=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='rag',
            field=models.CharField(blank=True, choices=[('R', 'Red'), ('A', 'Amber'), ('G', 'Green'), ('', 'None')], max_length=1),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='region',
            field=models.DecimalField(blank=True, decimal_places=8, max_digits=24, null=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='region_name',
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='source_file',
            field=models.CharField(blank=True, help_text='For an imported value: the file', max_length=400),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='source_row',
            field=models.PositiveIntegerField(blank=True, help_text='For an imported value: its row', null=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='statistical_neighbours',
            field=models.DecimalField(blank=True, decimal_places=8, max_digits=24, null=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='target_number',
            field=models.DecimalField(blank=True, decimal_places=8, max_digits=24, null=True),
        ),
        migrations.AddField(
            model_name='indicatorvalue',
            name='target_op',
            field=models.CharField(blank=True, help_text='<, >, <=, >= or blank', max_length=2),
        ),
        migrations.AlterField(
            model_name='indicator',
            name='key',
            field=models.CharField(db_index=True, help_text='Name folded for matching', max_length=500),
        ),
        migrations.AlterField(
            model_name='indicatorvalue',
            name='number',
            field=models.DecimalField(blank=True, decimal_places=8, help_text='The value as a number (blank for a grade)', max_digits=24, null=True),
        ),
        migrations.AlterField(
            model_name='indicatorvalue',
            name='period',
            field=models.CharField(blank=True, help_text="Canonical: 'Q1 2022/23', 'Sep 2021', '2022/23'", max_length=60),
        ),
        migrations.AlterField(
            model_name='indicatorvalue',
            name='status',
            field=models.CharField(blank=True, help_text="As printed: 'Red', 'Not on Track'", max_length=60),
        ),
        migrations.AlterField(
            model_name='indicatorvalue',
            name='target',
            field=models.CharField(blank=True, help_text="As printed: '>97.2'", max_length=100),
        ),
        migrations.AddIndex(
            model_name='indicatorvalue',
            index=models.Index(fields=['indicator', 'period_end'], name='indicatorvalue_period_end'),
        ),
        migrations.AddField(
            model_name='indicatoraudit',
            name='council',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='record.council'),
        ),
        migrations.AddField(
            model_name='indicatoraudit',
            name='indicator',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='audit', to='performance.indicator'),
        ),
        migrations.AddField(
            model_name='indicatoraudit',
            name='user',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='indicatormention',
            name='document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='record.document'),
        ),
        migrations.AddField(
            model_name='indicatormention',
            name='indicator',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='performance.indicator'),
        ),
        migrations.AddField(
            model_name='indicatormention',
            name='item',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='indicator_mentions', to='record.agendaitem'),
        ),
        migrations.AddField(
            model_name='indicatormention',
            name='meeting',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='record.meeting'),
        ),
        migrations.AddField(
            model_name='indicatorname',
            name='indicator',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='names', to='performance.indicator'),
        ),
        migrations.AddField(
            model_name='narrativefigure',
            name='document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='record.document'),
        ),
        migrations.AddField(
            model_name='narrativefigure',
            name='value',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='narrative_figures', to='performance.indicatorvalue'),
        ),
        migrations.AddConstraint(
            model_name='indicatormention',
            constraint=models.UniqueConstraint(fields=('indicator', 'document', 'line'), name='indicatormention_unique'),
        ),
        migrations.AddConstraint(
            model_name='indicatorname',
            constraint=models.UniqueConstraint(fields=('indicator', 'name'), name='indicatorname_unique'),
        ),
        migrations.AddConstraint(
            model_name='narrativefigure',
            constraint=models.UniqueConstraint(fields=('value', 'document', 'line', 'figure'), name='narrativefigure_unique'),
        ),
        migrations.RunPython(fill_periods, migrations.RunPython.noop),
    ]

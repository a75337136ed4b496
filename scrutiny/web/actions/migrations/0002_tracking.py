# Action tracking: status history, evidence, follow-up proposals, recommendations, audit.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0001_initial'),
        ('record', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AuditEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('username', models.CharField(blank=True, help_text='Kept if the account is deleted', max_length=150)),
                ('object_type', models.CharField(max_length=40)),
                ('object_id', models.PositiveBigIntegerField()),
                ('verb', models.CharField(max_length=40)),
                ('before', models.JSONField(blank=True, default=dict)),
                ('after', models.JSONField(blank=True, default=dict)),
                ('note', models.TextField(blank=True)),
            ],
            options={
                'verbose_name_plural': 'audit entries',
                'ordering': ['-at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Evidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('item', 'A later agenda item'), ('document', 'Lines of a paper'), ('note', 'A note')], max_length=10)),
                ('line', models.PositiveIntegerField(blank=True, null=True)),
                ('end_line', models.PositiveIntegerField(blank=True, null=True)),
                ('note', models.TextField(blank=True)),
                ('added_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'verbose_name_plural': 'evidence',
                'ordering': ['action', 'added_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='FollowUp',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(help_text='What the proposal points at, for proposing it once only', max_length=120)),
                ('kind', models.CharField(choices=[('item', 'A later agenda item on the topic'), ('circulated', 'Later minutes say it was done or circulated'), ('reference', 'A later paper refers back to the request'), ('progress', 'A later paper reports progress (confirming marks it in progress)')], max_length=12)),
                ('line', models.PositiveIntegerField(blank=True, null=True)),
                ('end_line', models.PositiveIntegerField(blank=True, null=True)),
                ('excerpt', models.TextField(blank=True)),
                ('evidence_date', models.DateField(blank=True, help_text='When the evidence says it was done', null=True)),
                ('score', models.FloatField(default=0)),
                ('reason', models.CharField(blank=True, max_length=300)),
                ('status', models.CharField(choices=[('proposed', 'Waiting for an officer'), ('confirmed', 'Confirmed'), ('rejected', 'Rejected')], default='proposed', max_length=10)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'ordering': ['action', '-score'],
            },
        ),
        migrations.CreateModel(
            name='Recommendation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('locked_fields', models.JSONField(blank=True, default=list, help_text='Fields corrected by an officer; re-reading the papers never overwrites them.')),
                ('line', models.PositiveIntegerField(blank=True, null=True)),
                ('end_line', models.PositiveIntegerField(blank=True, null=True)),
                ('page', models.PositiveIntegerField(blank=True, null=True)),
                ('item_number', models.CharField(blank=True, max_length=40)),
                ('source_key', models.CharField(help_text='The action or resolution it was read from', max_length=60)),
                ('text', models.TextField()),
                ('addressee', models.CharField(max_length=300)),
                ('response_due', models.DateField(blank=True, null=True)),
                ('response', models.CharField(choices=[('pending', 'Awaiting response'), ('accepted', 'Accepted'), ('partial', 'Partially accepted'), ('rejected', 'Rejected')], default='pending', max_length=10)),
                ('response_date', models.DateField(blank=True, null=True)),
                ('response_reasons', models.TextField(blank=True)),
                ('implementation', models.CharField(blank=True, choices=[('', 'Not assessed'), ('red', 'Red'), ('amber', 'Amber'), ('green', 'Green'), ('implemented', 'Implemented')], default='', max_length=12)),
                ('review_date', models.DateField(blank=True, null=True)),
            ],
            options={
                'ordering': ['meeting', 'line'],
            },
        ),
        migrations.CreateModel(
            name='StatusChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, max_length=12)),
                ('to_status', models.CharField(max_length=12)),
                ('changed_at', models.DateTimeField(auto_now_add=True)),
                ('note', models.TextField(blank=True)),
            ],
            options={
                'ordering': ['action', 'changed_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='TrackerSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('response_months', models.PositiveSmallIntegerField(default=2, help_text='Months the executive has to respond to a recommendation')),
                ('next_meeting_months', models.PositiveSmallIntegerField(default=2, help_text="'The next meeting', when the committee's next meeting is not known, is this many months after the meeting")),
            ],
            options={
                'verbose_name_plural': 'tracker settings',
            },
        ),
        migrations.AddField(
            model_name='action',
            name='closed_on',
            field=models.DateField(blank=True, help_text='When it was done (from the evidence) or dropped', null=True),
        ),
        migrations.AddField(
            model_name='action',
            name='due_date',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='action',
            name='due_rule',
            field=models.CharField(blank=True, help_text='How the due date was worked out', max_length=200),
        ),
        migrations.AddField(
            model_name='action',
            name='due_words',
            field=models.CharField(blank=True, help_text='The words the due date was read from', max_length=200),
        ),
        migrations.AddField(
            model_name='action',
            name='owner_person',
            field=models.ForeignKey(blank=True, help_text='The person the owner is, where known', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions_owned', to='record.person'),
        ),
        migrations.AddField(
            model_name='action',
            name='owner_role',
            field=models.CharField(blank=True, help_text='The post or role that owns it (Chair, Director of ...), when the owner is a role', max_length=300),
        ),
        migrations.AlterField(
            model_name='action',
            name='status',
            field=models.CharField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('done', 'Done'), ('dropped', 'Dropped')], default='open', max_length=12),
        ),
        migrations.AddIndex(
            model_name='action',
            index=models.Index(fields=['status', 'due_date'], name='actions_act_status_8c55ab_idx'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='action',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='audit', to='actions.action'),
        ),
        migrations.AddField(
            model_name='auditentry',
            name='user',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='evidence',
            name='action',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='actions.action'),
        ),
        migrations.AddField(
            model_name='evidence',
            name='added_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='evidence',
            name='document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='record.document'),
        ),
        migrations.AddField(
            model_name='evidence',
            name='item',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='record.agendaitem'),
        ),
        migrations.AddField(
            model_name='followup',
            name='action',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='followups', to='actions.action'),
        ),
        migrations.AddField(
            model_name='followup',
            name='decided_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='followup',
            name='document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='record.document'),
        ),
        migrations.AddField(
            model_name='followup',
            name='item',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='record.agendaitem'),
        ),
        migrations.AddField(
            model_name='followup',
            name='meeting',
            field=models.ForeignKey(help_text='The later meeting whose papers hold the evidence', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='record.meeting'),
        ),
        migrations.AddField(
            model_name='evidence',
            name='followup',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='actions.followup'),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='action',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='recommendation', to='actions.action'),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='record.document'),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='item',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='recommendations', to='record.agendaitem'),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='meeting',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recommendations', to='record.meeting'),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='resolution',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='recommendations', to='record.resolution'),
        ),
        migrations.AddField(
            model_name='statuschange',
            name='action',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='status_changes', to='actions.action'),
        ),
        migrations.AddField(
            model_name='statuschange',
            name='changed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='trackersettings',
            name='council',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='tracker_settings', to='record.council'),
        ),
        migrations.AddIndex(
            model_name='auditentry',
            index=models.Index(fields=['object_type', 'object_id'], name='actions_aud_object__a34c7d_idx'),
        ),
        migrations.AddConstraint(
            model_name='followup',
            constraint=models.UniqueConstraint(fields=('action', 'key'), name='followup_unique_key'),
        ),
        migrations.AddConstraint(
            model_name='recommendation',
            constraint=models.UniqueConstraint(fields=('meeting', 'source_key'), name='recommendation_unique_source'),
        ),
    ]

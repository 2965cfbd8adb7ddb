using Quartz;

namespace Huiqi.Web.Jobs;

/// <summary>
/// One district's part of a no-application batch run, as a Quartz.NET job in the persistent store. It asks for
/// recovery: when the node running it dies, the scheduler (this node on restart, or another node of the cluster) fires
/// it again, and <see cref="CaseBatch.RunPartAsync"/> resumes after the last chunk committed.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BatchPartJob(CaseBatch batch, ILogger<BatchPartJob> log) : IJob
{
    public const string Group = "case-batch";
    public const string PartKey = "part";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var part = context.MergedJobDataMap.GetLong(PartKey);
        var node = context.Scheduler.SchedulerInstanceId;
        log.LogInformation("Batch part {Part} on {Node}{Recovering}", part, node, context.Recovering ? " (recovering)" : "");
        await batch.RunPartAsync(part, node, cancellationToken);
    }
}

/// <summary>Starts batch runs and puts their parts on the durable scheduler, once each.</summary>
public sealed class BatchScheduler(CaseBatch batch, ISchedulerFactory schedulers, ILogger<BatchScheduler> log)
{
    /// <summary>Starts a run for an award year and schedules one job per district part.</summary>
    public async Task<BatchRunRow> StartAsync(int awardYear, Actor actor, CancellationToken cancel = default)
    {
        var run = await batch.StartAsync(awardYear, actor, cancel);
        var progress = await batch.ProgressAsync(run.Id, cancel);
        var scheduler = await schedulers.GetScheduler(cancel);
        foreach (var part in progress!.Value.Parts)
        {
            await ScheduleAsync(scheduler, part.Id, cancel);
        }

        log.LogInformation("Batch run {Run} for {Year}: {Parts} parts scheduled", run.Id, awardYear, progress.Value.Parts.Count);
        return run;
    }

    /// <summary>
    /// Makes sure every unfinished part has its job: after a restart, and for runs started elsewhere (the command
    /// line). A part whose job is already stored (waiting, running, or being recovered) is left alone.
    /// </summary>
    public async Task<int> ResumeAsync(CancellationToken cancel = default)
    {
        var scheduler = await schedulers.GetScheduler(cancel);
        var added = 0;
        foreach (var part in await batch.UnfinishedPartsAsync(cancel))
        {
            if (await ScheduleAsync(scheduler, part, cancel))
            {
                added++;
            }
        }

        return added;
    }

    private static async Task<bool> ScheduleAsync(IScheduler scheduler, long part, CancellationToken cancel)
    {
        var key = new JobKey($"part-{part}", BatchPartJob.Group);
        if (await scheduler.Exists(key, cancel))
        {
            return false;
        }

        var job = JobBuilder.Create<BatchPartJob>()
            .WithIdentity(key)
            .UsingJobData(BatchPartJob.PartKey, part)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"part-{part}", BatchPartJob.Group).StartNow().Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, default, cancel);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another node scheduled it between the check and now: one job is what we want.
            return false;
        }
    }
}

/// <summary>On start, after the scheduler is up, re-schedules the parts of runs left unfinished.</summary>
public sealed class BatchResumer(BatchScheduler scheduler, ILogger<BatchResumer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var added = await scheduler.ResumeAsync(stoppingToken);
        if (added > 0)
        {
            log.LogInformation("Resumed {Parts} unfinished batch parts", added);
        }
    }
}
